# Included from app/studio/CMakeLists.txt: the widgets that show and drive the
# running local gateway, on top of meshroute::live (the engine bridge).
target_sources(meshroute_studio PRIVATE)
target_link_libraries(meshroute_studio PUBLIC meshroute::live QCustomPlotQt6::QCustomPlotQt6 Qt6::PrintSupport)
