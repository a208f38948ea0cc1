# libFuzzer targets (docs/fuzzing.md), included by CMakeLists.txt when MPCHECK_FUZZ=ON. Use a
# build folder of their own with clang (scripts/fuzz.sh does): the parsers of untrusted input
# and only the library sources they need, built with ASan + UBSan and libFuzzer's coverage
# instrumentation at -O1. `cmake --build build-fuzz --target fuzz` builds every target.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "MPCHECK_FUZZ=ON needs clang with libFuzzer (Debian: clang, libclang-rt-14-dev): "
                      "cmake -S . -B build-fuzz -DMPCHECK_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++")
endif()

set(MPCHECK_FUZZ_DIRS core util rules rules/detail naming manifest)
set(MPCHECK_FUZZ_MEDIA document image isobmff jpeg_errors matroska probe timing)
set(MPCHECK_FUZZ_SOURCES ${MPCHECK_EMBEDDED_RULES})
foreach(dir ${MPCHECK_FUZZ_DIRS})
  file(GLOB dir_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/mpcheck/${dir}/*.cpp)
  list(APPEND MPCHECK_FUZZ_SOURCES ${dir_sources})
endforeach()
foreach(name ${MPCHECK_FUZZ_MEDIA})
  list(APPEND MPCHECK_FUZZ_SOURCES ${PROJECT_SOURCE_DIR}/src/mpcheck/media/${name}.cpp)
endforeach()

set(MPCHECK_FUZZ_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=all)
add_library(mpcheck_fuzz_lib STATIC ${MPCHECK_FUZZ_SOURCES})
target_include_directories(mpcheck_fuzz_lib PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(mpcheck_fuzz_lib PUBLIC MPCHECK_VERSION="${PROJECT_VERSION}")
target_compile_options(mpcheck_fuzz_lib PUBLIC -O1 -g -fno-omit-frame-pointer
                       ${MPCHECK_FUZZ_SANITIZERS} -fsanitize=fuzzer-no-link)
target_link_libraries(mpcheck_fuzz_lib PUBLIC
  fmt::fmt yaml-cpp nlohmann_json::nlohmann_json OpenSSL::Crypto Threads::Threads
  PkgConfig::LIBAV PkgConfig::IMG PkgConfig::ICU)

set(MPCHECK_FUZZ_TARGETS rules works names isobmff matroska image docx probe)
add_custom_target(fuzz)
foreach(target ${MPCHECK_FUZZ_TARGETS})
  add_executable(fuzz_${target} ${PROJECT_SOURCE_DIR}/fuzz/fuzz_${target}.cpp)
  target_link_libraries(fuzz_${target} PRIVATE mpcheck_fuzz_lib)
  target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer ${MPCHECK_FUZZ_SANITIZERS})
  add_dependencies(fuzz fuzz_${target})
endforeach()
