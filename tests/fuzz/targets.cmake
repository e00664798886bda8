# The fuzz targets, by name (see targets.hpp).
set(EXPORTCHECK_FUZZ_TARGETS bundle csl_csv ofac_csv dpl_txt un_xml xlsx ofsi_csv uksl_csv import_list merge name_normaliser order_json order_csv screener)
