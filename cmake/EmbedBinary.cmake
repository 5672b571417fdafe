# cmake -DINPUT=file -DOUTPUT=file.c -DSYMBOL=name -P EmbedBinary.cmake
# Writes INPUT as `const unsigned char SYMBOL[]` and `const size_t SYMBOL##Size` in C, so binary data
# (the entity model) is compiled into the library, natively and for WebAssembly alike, with
# nothing but CMake.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){32})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT}
  "#include <stddef.h>\n"
  "const unsigned char ${SYMBOL}[] = {\n${bytes}0};\n"
  "const size_t ${SYMBOL}Size = ${size};\n")
