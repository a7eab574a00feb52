# Installs Winnow into a scratch prefix, then configures, builds and runs a project that
# finds it with find_package(winnow) and links winnow::core: the way users consume it.
file(REMOVE_RECURSE "${WORK_DIR}")
set(build "${WORK_DIR}/winnow-build")
set(prefix "${WORK_DIR}/prefix")
function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGV}")
  endif()
endfunction()
run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${build}" -G "${GENERATOR}" -DCMAKE_CXX_COMPILER=${CXX}
    -DCMAKE_BUILD_TYPE=Release -DWINNOW_BUILD_TESTS=OFF -DWINNOW_BUILD_BENCH=OFF -DWINNOW_BUILD_TOOLS=OFF
    -DCMAKE_INSTALL_PREFIX=${prefix})
run("${CMAKE_COMMAND}" --build "${build}" --parallel 2)
run("${CMAKE_COMMAND}" --install "${build}")
run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/consumer" -B "${WORK_DIR}/consumer-build" -G "${GENERATOR}"
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${prefix})
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/consumer-build")
run("${WORK_DIR}/consumer-build/consumer")
