# Third-party headers: nlohmann/json, fmt, doctest from Debian's packages.
# Under emcmake, /usr/include must never reach em++ (its libc headers clash with emscripten's), so the
# three header folders are exposed through a build-dir folder of symlinks and fmt is used header-only.
add_library(exportcheck_deps INTERFACE)

if(EMSCRIPTEN)
  set(_dep_root "${CMAKE_BINARY_DIR}/third_party/include")
  file(MAKE_DIRECTORY "${_dep_root}")
  foreach(_dir nlohmann fmt doctest)
    if(NOT EXISTS "/usr/include/${_dir}")
      message(FATAL_ERROR "/usr/include/${_dir} not found: run scripts/setup.sh")
    endif()
    file(CREATE_LINK "/usr/include/${_dir}" "${_dep_root}/${_dir}" SYMBOLIC)
  endforeach()
  target_include_directories(exportcheck_deps SYSTEM INTERFACE "${_dep_root}")
  target_compile_definitions(exportcheck_deps INTERFACE FMT_HEADER_ONLY FMT_STATIC_THOUSANDS_SEPARATOR)
  # No exception handling: the core returns its errors (exportcheck/result.hpp), and handling cost the module
  # 81 KB of its gzipped size (bench/README.md, "Wasm size"). A `throw` left on a browser path aborts the module
  # (web/lib/core.js tells it as core_stopped); the fuzz targets fail on any throw from those paths.
  target_compile_options(exportcheck_deps INTERFACE -fignore-exceptions)
  target_link_options(exportcheck_deps INTERFACE -fignore-exceptions)
  # Link-time optimisation: the web module is 22 KB gz smaller and ec_screen 12% faster than file by file
  # (bench/README.md, "Wasm size"). Each file keeps its own -Os or -O3 through LTO as function attributes.
  target_compile_options(exportcheck_deps INTERFACE -flto)
  target_link_options(exportcheck_deps INTERFACE -flto)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  find_package(fmt 9 REQUIRED)
  find_path(DOCTEST_INCLUDE_DIR doctest/doctest.h REQUIRED)
  target_link_libraries(exportcheck_deps INTERFACE nlohmann_json::nlohmann_json fmt::fmt)
  target_include_directories(exportcheck_deps SYSTEM INTERFACE "${DOCTEST_INCLUDE_DIR}")
endif()

# Warnings for our own code only.
add_library(exportcheck_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(exportcheck_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endif()
