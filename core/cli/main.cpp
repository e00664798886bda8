#include "commands.hpp"

int main(int argc, char** argv) { return exportcheck::cli::run(argc, argv); }
