# rpcscope_generate(): typed RpcScope clients and servers from .proto files.
#
#   rpcscope_generate(TARGET <target>
#                     PROTOS <file.proto>...
#                     [IMPORT_DIRS <dir>...]
#                     [OUT_DIR <dir>]
#                     [SKIP_STREAMING] [ABSTRACT])
#
# For each .proto, runs protoc with --cpp_out and --rpcscope_out and adds
# <name>.pb.cc and <name>.rpcscope.cpp to <target>; <name> is the file's
# path below the import directory that holds it, and the headers are
# included the same way ("<name>.rpcscope.h"). <target> gets OUT_DIR on its
# include path (PUBLIC) and links RpcScope::engine, so the two lines
#
#   rpcscope_generate(TARGET app PROTOS greeter.proto)
#   # ... #include "greeter.rpcscope.h" and use GreeterClient / GreeterServer
#
# are all a project needs once RpcScope is in it.
#
# IMPORT_DIRS: where protoc looks for the files and their imports (-I), in
#   order; default: the current source directory. A listed .proto outside
#   every import directory has its own folder added. protobuf's own
#   directory (google/protobuf/*.proto: empty, timestamp, ...) always comes last.
# OUT_DIR: where generated files go; default: the current binary directory.
# SKIP_STREAMING: leave streaming methods out with a warning instead of
#   failing on them.
# ABSTRACT: every procedure of a generated server is pure virtual, so the
#   compiler insists that all are implemented. Without it a procedure not
#   overridden answers "unimplemented" with its name, as gRPC's do.
#
# The plugin is the target RpcScope::protoc-gen-rpcscope and the library
# RpcScope::engine (aliases in this tree, imported targets of an installed
# package); set RPCSCOPE_PROTOC_PLUGIN to a path to use another plugin.
# protoc is protobuf::protoc from FindProtobuf.
#
# Call it in the directory that defines <target>, as with protobuf_generate().
# Nothing here refers to RpcScope's own source tree, so an installed
# package can ship this file next to its config file unchanged.

include_guard(GLOBAL)

function(rpcscope_generate)
    cmake_parse_arguments(PARSE_ARGV 0 arg "SKIP_STREAMING;ABSTRACT" "TARGET;OUT_DIR" "PROTOS;IMPORT_DIRS")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "rpcscope_generate: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_TARGET)
        message(FATAL_ERROR "rpcscope_generate: TARGET is required")
    endif()
    if(NOT TARGET ${arg_TARGET})
        message(FATAL_ERROR "rpcscope_generate: '${arg_TARGET}' is not a target")
    endif()
    if(NOT arg_PROTOS)
        message(FATAL_ERROR "rpcscope_generate: PROTOS names no .proto files")
    endif()
    # FindProtobuf's imported targets are seen only in the directory that
    # looked for them (and below); look here too if this one has not.
    if(NOT TARGET protobuf::protoc OR NOT TARGET protobuf::libprotobuf)
        find_package(Protobuf REQUIRED)
    endif()

    # The plugin target may be defined after this call (it is resolved when
    # the build is generated); naming it in a generator expression also
    # makes the target wait for it.
    if(RPCSCOPE_PROTOC_PLUGIN)
        set(plugin "${RPCSCOPE_PROTOC_PLUGIN}")
    else()
        set(plugin "$<TARGET_FILE:RpcScope::protoc-gen-rpcscope>")
    endif()

    set(outDir "${arg_OUT_DIR}")
    if(NOT outDir)
        set(outDir "${CMAKE_CURRENT_BINARY_DIR}")
    endif()
    cmake_path(ABSOLUTE_PATH outDir BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE)
    string(REGEX REPLACE "/$" "" outDir "${outDir}")

    set(importDirs ${arg_IMPORT_DIRS})
    if(NOT importDirs)
        set(importDirs "${CMAKE_CURRENT_SOURCE_DIR}")
    endif()
    set(absImportDirs)
    foreach(dir IN LISTS importDirs)
        cmake_path(ABSOLUTE_PATH dir BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
        string(REGEX REPLACE "/$" "" dir "${dir}") # protoc matches import dirs by exact prefix
        list(APPEND absImportDirs "${dir}")
    endforeach()

    set(pluginParameters)
    if(arg_SKIP_STREAMING)
        list(APPEND pluginParameters skip_streaming)
    endif()
    if(arg_ABSTRACT)
        list(APPEND pluginParameters abstract)
    endif()
    list(JOIN pluginParameters "," pluginOut)
    if(pluginOut)
        set(pluginOut "${pluginOut}:${outDir}")
    else()
        set(pluginOut "${outDir}")
    endif()

    set(generated)
    foreach(proto IN LISTS arg_PROTOS)
        cmake_path(ABSOLUTE_PATH proto BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
        # The first import directory holding the file names it for protoc.
        set(relative)
        set(searchDirs ${absImportDirs})
        foreach(dir IN LISTS absImportDirs)
            cmake_path(IS_PREFIX dir "${proto}" NORMALIZE inDir)
            if(inDir)
                cmake_path(RELATIVE_PATH proto BASE_DIRECTORY "${dir}" OUTPUT_VARIABLE relative)
                break()
            endif()
        endforeach()
        if(NOT relative)
            cmake_path(GET proto PARENT_PATH ownDir)
            cmake_path(GET proto FILENAME relative)
            list(PREPEND searchDirs "${ownDir}")
        endif()
        string(REGEX REPLACE "\\.proto$" "" base "${relative}")

        set(includeArgs)
        foreach(dir IN LISTS searchDirs)
            list(APPEND includeArgs -I "${dir}")
        endforeach()
        if(Protobuf_INCLUDE_DIR)
            list(APPEND includeArgs -I "${Protobuf_INCLUDE_DIR}")
        endif()

        # In the order protoc names them in its depfile (sorted): Ninja
        # trusts a depfile only if its first target is the command's first
        # OUTPUT, and treats the outputs as out of date on every build if not.
        set(outputs
            "${outDir}/${base}.pb.cc" "${outDir}/${base}.pb.h"
            "${outDir}/${base}.rpcscope.cpp" "${outDir}/${base}.rpcscope.h")
        string(MAKE_C_IDENTIFIER "${base}" depName)
        set(depfile "${CMAKE_CURRENT_BINARY_DIR}/rpcscope_generate/${depName}.d")
        add_custom_command(
            OUTPUT ${outputs}
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${outDir}" "${CMAKE_CURRENT_BINARY_DIR}/rpcscope_generate"
            COMMAND protobuf::protoc
                "--plugin=protoc-gen-rpcscope=${plugin}"
                "--cpp_out=${outDir}"
                "--rpcscope_out=${pluginOut}"
                "--dependency_out=${depfile}"
                ${includeArgs}
                "${proto}"
            DEPENDS "${proto}" protobuf::protoc "${plugin}"
            DEPFILE "${depfile}"
            COMMENT "Generating ${base}.pb.h and ${base}.rpcscope.h"
            COMMAND_EXPAND_LISTS
            VERBATIM)
        list(APPEND generated ${outputs})
    endforeach()

    target_sources(${arg_TARGET} PRIVATE ${generated})
    target_include_directories(${arg_TARGET} PUBLIC "$<BUILD_INTERFACE:${outDir}>")
    target_link_libraries(${arg_TARGET} PUBLIC RpcScope::engine protobuf::libprotobuf)

    # A custom command gets its build rule only from targets in its own
    # directory; when the target lives elsewhere, a local target carries it.
    get_target_property(targetDir ${arg_TARGET} SOURCE_DIR)
    if(NOT targetDir STREQUAL CMAKE_CURRENT_SOURCE_DIR)
        string(MAKE_C_IDENTIFIER "${arg_TARGET}_rpcscope_generate" carrier)
        add_custom_target(${carrier} DEPENDS ${generated})
        add_dependencies(${arg_TARGET} ${carrier})
    endif()
endfunction()
