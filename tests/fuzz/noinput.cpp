// The replay runner names the input being replayed; under libFuzzer there is none.
extern "C" const char *meshrouteFuzzInput;
const char *meshrouteFuzzInput = nullptr;
