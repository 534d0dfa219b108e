"""A learned second opinion beside the rules: one probability per PLOVER type per sentence, from a
linear model over the sentence's lemmas, verb-object pairs and the parser's own vectors.

`features` reads a sentence, `model` scores it with shipped weights (numpy only), `training`
rebuilds those weights from labelled sentences (`dateline train detector`, scikit-learn).
"""
