# Words between an amount and its unit: "two more weeks", "eight trading days".
more|additional|further|full|straight|consecutive|long|extra|whole|entire|successive|calendar|fiscal
