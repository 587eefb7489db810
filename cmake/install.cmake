# Installs the library with a package config, so a host can write
# find_package(shopkit) and link shopkit::shopkit.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS shopkit EXPORT shopkitTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/shopkit DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/shopkit/export.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/shopkit)
install(EXPORT shopkitTargets NAMESPACE shopkit::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/shopkit)

configure_package_config_file(cmake/shopkitConfig.cmake.in
  ${PROJECT_BINARY_DIR}/shopkitConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/shopkit)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/shopkitConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/shopkitConfig.cmake
  ${PROJECT_BINARY_DIR}/shopkitConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/shopkit)
