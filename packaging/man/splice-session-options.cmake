# cmake -DGUI=rpcscope.1 -DCLI=rpcscope-cli.1 -DOUT=out/rpcscope.1 -P splice-session-options.cmake
#
# The window takes every session option rpcscope-cli's simulate takes, so
# its man page describes them in the very words of rpcscope-cli.1: the
# subsections of that page's SESSION OPTIONS (from ".SS Scenario and load"
# up to the next .SH) replace the line '.\" @SESSION_OPTIONS@' in rpcscope.1.
file(READ "${GUI}" gui)
file(READ "${CLI}" cli)
string(FIND "${cli}" ".SS Scenario and load" from)
if(from EQUAL -1)
    message(FATAL_ERROR "${CLI}: no '.SS Scenario and load' to start the session options at")
endif()
string(SUBSTRING "${cli}" ${from} -1 rest)
string(FIND "${rest}" "\n.SH " to)
if(to EQUAL -1)
    message(FATAL_ERROR "${CLI}: the session options run to the end of the page")
endif()
math(EXPR to "${to} + 1")
string(SUBSTRING "${rest}" 0 ${to} options)
string(FIND "${gui}" ".\\\" @SESSION_OPTIONS@\n" marker)
if(marker EQUAL -1)
    message(FATAL_ERROR "${GUI}: no '.\\\" @SESSION_OPTIONS@' line to put the session options at")
endif()
string(REPLACE ".\\\" @SESSION_OPTIONS@\n" "${options}" gui "${gui}")
file(WRITE "${OUT}" "${gui}")
