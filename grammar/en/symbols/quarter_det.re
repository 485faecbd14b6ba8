# Determiners TimeML keeps in a quarter's span: "the third quarter", "its
# fourth quarter", "this year's third quarter".
the|its|their|this|that|a|an|his|her|our
the\s+year's
