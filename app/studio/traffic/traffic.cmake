# Included from app/studio/CMakeLists.txt: the widgets that show and drive the
# running local gateway, on top of meshroute::live (the engine bridge).
set(traffic_dir "${CMAKE_CURRENT_LIST_DIR}")

# Charts and the configured-versus-observed view.
set(traffic_chart_sources
  sharesview.cpp
  sharesview.h
  trafficcharts.cpp
  trafficcharts.h
)

# Connection table, pod logs, the built-in client and the traffic generator panel.
set(traffic_tool_sources
  connectionsview.cpp
  connectionsview.h
  generatorpanel.cpp
  generatorpanel.h
  podlogview.cpp
  podlogview.h
  tcpclient.cpp
  tcpclient.h
)

# The dock that joins them to the main window, Start/Stop and the live graph numbers.
set(traffic_window_sources
  trafficcontroller.cpp
  trafficcontroller.h
)

list(TRANSFORM traffic_chart_sources PREPEND "${traffic_dir}/")
list(TRANSFORM traffic_tool_sources PREPEND "${traffic_dir}/")
list(TRANSFORM traffic_window_sources PREPEND "${traffic_dir}/")
target_sources(meshroute_studio PRIVATE ${traffic_chart_sources} ${traffic_tool_sources} ${traffic_window_sources})
target_link_libraries(meshroute_studio PUBLIC meshroute::live QCustomPlotQt6::QCustomPlotQt6 Qt6::PrintSupport)
