# Header-only dependencies from Debian packages (libutfcpp-dev, catch2).
#
# Under Emscripten the include path must never be /usr/include, which would shadow the
# Emscripten sysroot's C and C++ headers. utf8cpp has a folder of its own; Catch2 sits in
# /usr/include/catch2, so a folder in the build tree holding only a link to it stands in.

find_path(WINNOW_UTF8CPP_INCLUDE_DIR NAMES utf8/checked.h
  PATHS /usr/include/utf8cpp /usr/local/include/utf8cpp
  NO_CMAKE_FIND_ROOT_PATH)
if(NOT WINNOW_UTF8CPP_INCLUDE_DIR)
  message(FATAL_ERROR "utf8cpp not found: install libutfcpp-dev (scripts/setup does)")
endif()
add_library(winnow_utf8cpp INTERFACE)
target_include_directories(winnow_utf8cpp SYSTEM INTERFACE "${WINNOW_UTF8CPP_INCLUDE_DIR}")

if(WINNOW_BUILD_TESTS)
  find_path(WINNOW_CATCH2_HEADER_DIR NAMES catch.hpp
    PATHS /usr/include/catch2 /usr/local/include/catch2
    NO_CMAKE_FIND_ROOT_PATH)
  if(NOT WINNOW_CATCH2_HEADER_DIR)
    message(FATAL_ERROR "Catch2 v2 not found: install catch2 (scripts/setup does)")
  endif()
  set(catch2_shim "${CMAKE_BINARY_DIR}/catch2-include")
  file(MAKE_DIRECTORY "${catch2_shim}")
  file(CREATE_LINK "${WINNOW_CATCH2_HEADER_DIR}" "${catch2_shim}/catch2" SYMBOLIC)
  add_library(winnow_catch2 INTERFACE)
  target_include_directories(winnow_catch2 SYSTEM INTERFACE "${catch2_shim}")
  # Catch.cmake registers each test case with CTest, through the emulator under Emscripten.
  find_path(WINNOW_CATCH2_CMAKE_DIR NAMES Catch.cmake
    PATHS /usr/lib/cmake/Catch2 /usr/local/lib/cmake/Catch2 /usr/share/cmake/Catch2
    NO_CMAKE_FIND_ROOT_PATH)
  if(WINNOW_CATCH2_CMAKE_DIR)
    list(APPEND CMAKE_MODULE_PATH "${WINNOW_CATCH2_CMAKE_DIR}")
  endif()
endif()
