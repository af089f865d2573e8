# cmake -DCONSUMER_SOURCE=... -DCONSUMER_BINARY=... -DRPCSCOPE_SOURCE_DIR=... -DGENERATOR=... -P ConfigureConsumer.cmake
#
# Configures consumer/ from scratch and checks that rpcscope_generate()
# works from a directory other than RpcScope's own (protobuf's imported
# targets are not seen there unless looked for) and that the consumer's
# sources are compiled as C++20, which the engine's headers need.
file(REMOVE_RECURSE "${CONSUMER_BINARY}")
execute_process(
    COMMAND "${CMAKE_COMMAND}" -S "${CONSUMER_SOURCE}" -B "${CONSUMER_BINARY}" -G "${GENERATOR}"
            "-DRPCSCOPE_SOURCE_DIR=${RPCSCOPE_SOURCE_DIR}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "configuring the consumer project failed (${result}):\n${errors}")
endif()
file(READ "${CONSUMER_BINARY}/compile_commands.json" commands)
string(REGEX MATCH "-std=(c|gnu)\\+\\+20[^\n]*consumer/main\\.cpp" cxx20 "${commands}")
if(NOT cxx20)
    message(FATAL_ERROR "consumer/main.cpp is not compiled as C++20:\n${commands}")
endif()
string(FIND "${commands}" "greeter.rpcscope.cpp" generatedIndex)
if(generatedIndex EQUAL -1)
    message(FATAL_ERROR "greeter.rpcscope.cpp is not among the consumer's sources")
endif()
message(STATUS "consumer project configured; C++20; generated sources added")
