"""The bundled CJK chart font (a GB2312 subset of Noto Sans CJK SC, SIL OFL 1.1)."""
