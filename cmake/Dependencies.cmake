# Third-party libraries come from Debian packages; see ../shared/DESIGN.md for why each one is used.
find_package(PkgConfig REQUIRED)
find_package(spdlog REQUIRED)
# md4c through pkg-config: Debian 12's md4cConfig.cmake also demands libmd4c-html, which we do not use.
pkg_check_modules(MD4C REQUIRED IMPORTED_TARGET md4c)
# The same libsqlite3 that Qt's QSQLITE driver uses: we add an FTS5 ranking function through its C API.
find_package(SQLite3 REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)

# hnswlib 0.6.2 ships headers only, without a CMake config.
find_path(HNSWLIB_INCLUDE_DIR hnswlib/hnswlib.h REQUIRED)
add_library(docrag_hnswlib INTERFACE)
target_include_directories(docrag_hnswlib SYSTEM INTERFACE ${HNSWLIB_INCLUDE_DIR})

# Snowball's libstemmer has no pkg-config file either.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(docrag_stemmer INTERFACE)
target_include_directories(docrag_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(docrag_stemmer INTERFACE ${STEMMER_LIBRARY})

# The API key lives in the OS keychain (Secret Service on Linux), never in a settings file.
if(DOCRAG_BUILD_UI)
    find_package(Qt6Keychain REQUIRED)
endif()
