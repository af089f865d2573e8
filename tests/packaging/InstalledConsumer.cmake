# cmake -DBUILD_DIR=... -DWORK_DIR=... -DCONSUMER_SOURCE=... -DGENERATOR=...
#       -DPROGRAM="name;args" -DGENERATED=header.rpcscope.h -DEXPECT=regex -P InstalledConsumer.cmake
#
# Installs the build into a scratch prefix, then builds an outside project
# (CONSUMER_SOURCE) against it as a user would (find_package(RpcScope) +
# rpcscope_generate()), and runs PROGRAM from its build: generated clients
# calling generated servers over 127.0.0.1. Its output must match EXPECT.
# Checks that nothing comes from the source or build tree: the headers, the
# library and the protoc plugin are the installed ones.
cmake_minimum_required(VERSION 3.21)

set(prefix "${WORK_DIR}/prefix")
set(consumerBinary "${WORK_DIR}/consumer")
file(REMOVE_RECURSE "${WORK_DIR}")

function(run what)
    execute_process(COMMAND ${ARGN}
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors TIMEOUT 300)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${what} failed (${result}):\n${output}\n${errors}")
    endif()
endfunction()

run("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")

# What a user of the package needs, where the package config says it is.
foreach(file
        bin/protoc-gen-rpcscope
        include/rpcscope/codegen/stubs.h
        include/rpcscope/codegen/callresult.h
        include/rpcscope/codegen/handlerstatus.h
        include/rpcscope/codegen/procedure.h
        include/rpcscope/rpc/rpcclient.h
        include/rpcscope/wire/bodies.pb.h
        include/rpcscope/rpcscope/version.h
        lib/cmake/RpcScope/RpcScopeConfig.cmake
        lib/cmake/RpcScope/RpcScopeConfigVersion.cmake
        lib/cmake/RpcScope/RpcScopeTargets.cmake
        lib/cmake/RpcScope/RpcScopeGenerate.cmake)
    if(NOT EXISTS "${prefix}/${file}")
        message(FATAL_ERROR "not installed: ${file}")
    endif()
endforeach()
file(GLOB engineLibrary "${prefix}/lib/librpcscope_engine.*")
if(NOT engineLibrary)
    message(FATAL_ERROR "the engine library is not installed in ${prefix}/lib")
endif()

# The build tree must stay out of sight: no package registry, and a copy of
# the consumer's sources so nothing is found relative to RpcScope's tree.
file(COPY "${CONSUMER_SOURCE}/" DESTINATION "${WORK_DIR}/source")
run("configuring the consumer against ${prefix}"
    "${CMAKE_COMMAND}" -S "${WORK_DIR}/source" -B "${consumerBinary}" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}"
    -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
    -DCMAKE_BUILD_TYPE=Release)

file(READ "${consumerBinary}/compile_commands.json" commands)
string(REGEX MATCH "-std=(c|gnu)\\+\\+20[^\n]*main\\.cpp" cxx20 "${commands}")
if(NOT cxx20)
    message(FATAL_ERROR "main.cpp is not compiled as C++20:\n${commands}")
endif()
string(FIND "${commands}" "${prefix}/include/rpcscope" installedHeaders)
if(installedHeaders EQUAL -1)
    message(FATAL_ERROR "the installed headers are not on the include path:\n${commands}")
endif()
foreach(tree "${RPCSCOPE_SOURCE_DIR}/engine" "${BUILD_DIR}/engine")
    string(FIND "${commands}" "${tree}" leak)
    if(NOT leak EQUAL -1)
        message(FATAL_ERROR "the consumer compiles against ${tree}:\n${commands}")
    endif()
endforeach()

run("building the consumer" "${CMAKE_COMMAND}" --build "${consumerBinary}")

file(GLOB_RECURSE ninjaFiles "${consumerBinary}/*.ninja" "${consumerBinary}/Makefile2")
set(usesInstalledPlugin FALSE)
foreach(ninjaFile IN LISTS ninjaFiles)
    file(READ "${ninjaFile}" rules)
    string(FIND "${rules}" "--plugin=protoc-gen-rpcscope=${prefix}/bin/protoc-gen-rpcscope" at)
    if(NOT at EQUAL -1)
        set(usesInstalledPlugin TRUE)
    endif()
endforeach()
if(NOT usesInstalledPlugin)
    message(FATAL_ERROR "rpcscope_generate() did not run the installed protoc-gen-rpcscope")
endif()
if(NOT EXISTS "${consumerBinary}/${GENERATED}")
    message(FATAL_ERROR "${GENERATED} was not generated")
endif()

list(POP_FRONT PROGRAM program)
execute_process(COMMAND "${consumerBinary}/${program}" ${PROGRAM}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors TIMEOUT 60)
if(NOT result EQUAL 0 OR NOT output MATCHES "${EXPECT}")
    message(FATAL_ERROR "the consumer's calls failed (${result}):\n${output}\n${errors}")
endif()
message(STATUS "installed into ${prefix}; consumer built with find_package(RpcScope) and called: ${output}")
