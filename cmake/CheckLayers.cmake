# cmake -DROOT=<engine folder> -DLAYERS="<layer;layer;…>" -P CheckLayers.cmake
#
# Checks that each layer of the engine includes only its own folder and the
# layers listed before it: a header or source in ROOT/<layer>/ may include
# "<other>/…" (or a .proto import it) only when <other> comes earlier in
# LAYERS. Any include that reaches up is named, with its file and line, and
# the script fails. The build runs it (engine/CMakeLists.txt) and the test
# tests/tst_layers.cpp runs it on a tree with an upward include planted.
#
# Written as a CMake script, not a compiler flag: every layer shares one
# include root ("rpc/rpcclient.h"), which the installed headers keep, so the
# compiler alone cannot refuse an include; and CMake is what every build
# already has.
cmake_minimum_required(VERSION 3.25)

if(NOT ROOT OR NOT LAYERS)
    message(FATAL_ERROR "usage: cmake -DROOT=<engine folder> -DLAYERS=<layers, lowest first> -P CheckLayers.cmake")
endif()

set(problems)
list(LENGTH LAYERS layerCount)
foreach(layer IN LISTS LAYERS)
    if(NOT IS_DIRECTORY "${ROOT}/${layer}")
        list(APPEND problems "layer '${layer}' has no folder ${ROOT}/${layer}")
        continue()
    endif()
    list(FIND LAYERS "${layer}" level)
    file(GLOB_RECURSE files RELATIVE "${ROOT}"
        "${ROOT}/${layer}/*.h" "${ROOT}/${layer}/*.cpp" "${ROOT}/${layer}/*.proto")
    list(SORT files)
    foreach(file IN LISTS files)
        file(READ "${ROOT}/${file}" content)
        string(REGEX MATCHALL "(#[ \t]*include|import)[ \t]*\"[^\"\n]+\"" includes "${content}")
        foreach(include IN LISTS includes)
            string(REGEX REPLACE "^[^\"]*\"([^\"]+)\"$" "\\1" path "${include}")
            if(NOT path MATCHES "^([^/]+)/")
                continue() # its own folder
            endif()
            set(target "${CMAKE_MATCH_1}")
            list(FIND LAYERS "${target}" targetLevel)
            if(targetLevel GREATER level)
                string(FIND "${content}" "${include}" offset)
                string(SUBSTRING "${content}" 0 ${offset} before)
                string(REGEX MATCHALL "\n" newlines "${before}")
                list(LENGTH newlines line)
                math(EXPR line "${line} + 1")
                list(APPEND problems
                    "${file}:${line}: includes \"${path}\", but ${layer} sits below ${target}")
            endif()
        endforeach()
    endforeach()
endforeach()

if(problems)
    list(JOIN LAYERS " < " order)
    list(JOIN problems "\n  " listed)
    message(FATAL_ERROR "The engine's layers include upwards (the order is ${order}):\n  ${listed}\n"
        "Move the code to the layer it belongs in, or what it needs down to it.")
endif()
