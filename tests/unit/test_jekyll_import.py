"""scripts/import_jekyll.py: a post of the old Jekyll blog becomes a seminar page."""

from __future__ import annotations

import re
import shutil

import pytest
from pymdownx.slugs import slugify

import import_jekyll
from course_site.jekyll_import import convert_body, external_images
from course_site.scaffold import parse_mkdocs_yml
from support import ROOT, mkdocs_build, run_script, soup

SITE_SLUGIFY = slugify(case="lower")  # as in mkdocs.yml (toc.slugify)
NEW_PAGE = "docs/2nd-term/data-first-look.md"


@pytest.fixture
def project(tmp_path):
    """The parts of the project the importer reads and writes (no build needed)."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    return root


@pytest.fixture
def seed_post(tmp_path):
    """The club's 2022-11-03 post, under a new name: seminar 04 already exists on the site."""
    path = tmp_path / "2022-11-03-data-first-look.md"
    path.write_text(SEED_POST, encoding="utf-8")
    return path


def run_import(project, post, *args) -> int:
    return import_jekyll.main([str(post), "--project", str(project), *args])


def heading_ids(markdown: str) -> list[str]:
    in_code = False
    ids = []
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and (match := re.match(r"#{1,6} (.*)", line)):
            ids.append(SITE_SLUGIFY(match.group(1).strip(), "-"))
    return ids


# The seed post ------------------------------------------------------------------


def test_seed_post_becomes_a_page_that_builds_strictly(project_copy, seed_post, tmp_path):
    result = run_script("import_jekyll.py", str(seed_post), "--number", "7", "--project", str(project_copy))
    assert result.returncode == 0, result.stderr
    build = mkdocs_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.stderr

    page = soup(tmp_path / "site" / "2nd-term" / "data-first-look" / "index.html")
    content = page.select_one("article")
    assert [h1.get_text(strip=True).rstrip("¶") for h1 in content.find_all("h1")] == [
        "07 데이터로 뭐를 할까?"
    ]
    ids = {tag["id"] for tag in content.find_all(["h2", "h3"])}
    assert {"1-분석가-엔지니어-사이언티스트", "2-머신러닝-딥러닝-ai", "4-왜-딥러닝인가", "마무리"} <= ids
    assert "목차" not in ids
    assert not [img["src"] for img in page.find_all("img") if re.match(r"(https?:)?//", img.get("src", ""))]
    boxes = content.select(".admonition.warning")
    assert len(boxes) == 11
    assert all(box.select_one(".admonition-title").get_text() == "그림 다시 그리기 필요" for box in boxes)


def test_report_lists_every_external_image_with_its_line(project, seed_post, tmp_path, capsys):
    report = tmp_path / "report.md"
    assert run_import(project, seed_post, "--number", "7", "--report", str(report)) == 0
    text = report.read_text(encoding="utf-8")
    assert text in capsys.readouterr().out, "the printed report is the saved one"
    expected = [
        (number, url)
        for number, line in enumerate(SEED_POST.splitlines(), start=1)
        for url in re.findall(r"!\[[^\]]*\]\((https://[^)]+)\)", line)
    ]
    assert len(expected) == 11
    listed = re.findall(r"^\| \d+ \| (\d+) \| <(https://[^>]+)> \|", text, re.MULTILINE)
    assert [(int(line), url) for line, url in listed] == expected
    assert "## 다시 그려야 할 그림 (11개)" in text
    assert "`figures/seminar07/figure_01.py`" in text


def test_no_image_is_loaded_from_another_host(project, seed_post):
    assert run_import(project, seed_post, "--number", "7") == 0
    page = (project / NEW_PAGE).read_text(encoding="utf-8")
    assert not re.search(r"!\[[^\]]*\]\(\s*<?(https?:)?//", page)
    assert "<img" not in page
    assert page.count('!!! warning "그림 다시 그리기 필요"') == 11
    # the original address stays readable for whoever redraws the figure, but not as an image
    assert "`https://user-images.githubusercontent.com/54880474/200595317-" in page


def test_metadata_is_mapped_to_the_seminar_schema(project, seed_post, capsys):
    assert run_import(project, seed_post, "--number", "7") == 0
    front, body = (project / NEW_PAGE).read_text(encoding="utf-8").split("---\n")[1:3]
    assert front.splitlines() == [
        'title: "07 데이터로 뭐를 할까?"',
        "number: 7",
        "date: 2022-11-03",
        "presenters: [keonju]",
        "term: 2nd_term",
        "tags: [seminar]",
    ]
    report = capsys.readouterr().out
    assert "'📊'" in report and "layout" in report


def test_number_and_title_come_from_the_post_when_not_given(project, seed_post, capsys):
    (project / "docs" / "2nd-term" / "04-what-to-do-with-data.md").unlink()
    assert run_import(project, seed_post) == 0
    assert 'title: "04 데이터로 뭐를 할까?"\nnumber: 4\n' in (project / NEW_PAGE).read_text(encoding="utf-8")


def test_headings_keep_their_text_and_ids_under_a_single_h1(project, seed_post):
    assert run_import(project, seed_post, "--number", "7") == 0
    page = (project / NEW_PAGE).read_text(encoding="utf-8")
    body = page.split("---\n", 2)[2]
    original_ids = [i for i in heading_ids(SEED_POST.split("---\n", 2)[2]) if i != "목차"]
    assert heading_ids(body) == ["07-데이터로-뭐를-할까", *original_ids]
    assert re.findall(r"^# .*", body, re.MULTILINE) == ["# 07 데이터로 뭐를 할까?"]
    assert "## 1. 분석가? 엔지니어? 사이언티스트?" in body
    assert "### 데이터 엔지니어" in body, "# and ### become ## and ###: no level skipped"


def test_hand_written_table_of_contents_and_br_are_removed_and_reported(project, seed_post, capsys):
    assert run_import(project, seed_post, "--number", "7") == 0
    page = (project / NEW_PAGE).read_text(encoding="utf-8")
    assert "목차" not in page and "<br" not in page
    assert "\n\n\n" not in page
    report = capsys.readouterr().out
    assert "14–24줄: 손으로 쓴 '목차' 절을 지웠습니다" in report
    assert "`<br>` 25개를 지웠습니다" in report


def test_links_that_are_not_images_stay(project, seed_post):
    assert run_import(project, seed_post, "--number", "7") == 0
    assert "https://paperswithcode.com/에서" in (project / NEW_PAGE).read_text(encoding="utf-8")


# Running it again ---------------------------------------------------------------


def test_importing_twice_changes_nothing(project, seed_post, tmp_path, capsys):
    report = tmp_path / "report.md"
    assert run_import(project, seed_post, "--number", "7", "--report", str(report)) == 0
    first = {path: path.read_bytes() for path in (project / NEW_PAGE, project / "mkdocs.yml", report)}
    capsys.readouterr()
    assert run_import(project, seed_post, "--number", "7", "--report", str(report)) == 0
    assert {path: path.read_bytes() for path in first} == first
    out = capsys.readouterr().out
    assert "이미 같은 내용이라 그대로 두었습니다" in out and "nav 에 한 줄을 추가" not in out


def test_a_hand_edited_page_is_not_overwritten_without_force(project, seed_post, capsys):
    assert run_import(project, seed_post, "--number", "7") == 0
    page = project / NEW_PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\n손으로 더한 문단\n", encoding="utf-8")
    edited = page.read_bytes()
    assert run_import(project, seed_post, "--number", "7") == 1
    error = capsys.readouterr().err
    assert NEW_PAGE in error and "--force" in error
    assert page.read_bytes() == edited
    assert run_import(project, seed_post, "--number", "7", "--force") == 0
    assert b"\xec\x86\x90\xec\x9c\xbc\xeb\xa1\x9c" not in page.read_bytes()  # "손으로" is gone
    assert (
        parse_mkdocs_yml((project / "mkdocs.yml").read_text(encoding="utf-8"))["nav"][1]["2학기"].count(
            "2nd-term/data-first-look.md"
        )
        == 1
    )


def test_nav_line_is_added_in_number_order_unless_no_nav(project, seed_post, capsys):
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert run_import(project, seed_post, "--number", "7", "--no-nav") == 0
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert "nav 에 넣지 않았습니다" in capsys.readouterr().out
    assert run_import(project, seed_post, "--number", "7") == 0
    after = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert after.replace("      - 2nd-term/data-first-look.md\n", "", 1) == before
    section = parse_mkdocs_yml(after)["nav"][1]["2학기"]
    pages = [entry for entry in section if isinstance(entry, str)]
    assert pages.index("2nd-term/data-first-look.md") > pages.index("2nd-term/04-what-to-do-with-data.md")


# Liquid ---------------------------------------------------------------------------

LIQUID_POST = """---
layout: post
title: 05 Liquid 가 섞인 글
date: 2022-11-10 19:00:00 +0900
author: [keonju, minji]
categories: 2nd_term
tags: [seminar, python]
---

# 시작

이 글의 제목은 {{ page.title }} 입니다.

{% include figure.html name="cat" %}

{% highlight python %}
print({"a": 1})
{% endhighlight %}

{% raw %}템플릿 문법 {{ name }} 을 그대로 보여 줍니다.{% endraw %}

![고양이]({{ site.baseurl }}/assets/cat.png)
"""


def test_liquid_it_does_not_understand_stays_visible_and_is_reported(project, tmp_path, capsys):
    post = tmp_path / "2022-11-10-liquid-post.md"
    post.write_text(LIQUID_POST, encoding="utf-8")
    assert run_import(project, post) == 0
    page = (project / "docs" / "2nd-term" / "liquid-post.md").read_text(encoding="utf-8")
    report = capsys.readouterr().out

    assert "`{{ page.title }}`" in page
    assert '!!! warning "변환하지 못한 Liquid"' in page and '`{% include figure.html name="cat" %}`' in page
    assert '```python\nprint({"a": 1})\n```' in page
    assert "템플릿 문법 {{ name }} 을 그대로" in page and "raw %}" not in page
    assert "/assets/cat.png" not in re.sub(r"`[^`]*`", "", page), "the old blog's image is not shown"
    assert page.endswith("    원래 주소: `{{ site.baseurl }}/assets/cat.png`\n")

    assert "## 변환하지 못한 Liquid (3개)" in report
    for line, tag in (
        (12, "{{ page.title }}"),
        (14, '{% include figure.html name="cat" %}'),
        (22, "{{ site.baseurl }}"),
    ):
        assert f"- {line}줄: `{tag}`" in report
    assert "{{ name }}" not in report, "{% raw %} content is not Liquid"
    assert "## 다시 그려야 할 그림 (1개)" in report
    assert "태그 'python'" in report, "a tag the site does not configure is dropped and reported"
    assert "presenters: [keonju, minji]" in page


def test_liquid_post_builds_strictly(project_copy, tmp_path):
    post = tmp_path / "2022-11-10-liquid-post.md"
    post.write_text(LIQUID_POST, encoding="utf-8")
    assert run_import(project_copy, post) == 0
    build = mkdocs_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.stderr


def test_images_inside_text_in_html_and_by_reference_are_replaced_too():
    body = (
        "앞 문장 ![작은 그림](https://example.com/a.png) 뒤 문장.\n"
        "같은 문단의 둘째 줄.\n"
        "\n"
        '<img src="//cdn.example.com/b.png" alt="HTML 그림">\n'
        "\n"
        "![참조 그림][c]\n"
        "\n"
        "[c]: https://example.com/c.png\n"
        "[링크](https://example.com/page) 는 그대로.\n"
    )
    result = convert_body(
        body, title="01 그림", first_line=10, figure_group="seminar01", page_src_uri="2nd-term/x.md"
    )
    assert [(r.line, r.url, r.alt) for r in result.redraws] == [
        (10, "https://example.com/a.png", "작은 그림"),
        (13, "//cdn.example.com/b.png", "HTML 그림"),
        (15, "https://example.com/c.png", "참조 그림"),
    ]
    assert external_images(result.markdown) == []
    assert (
        "앞 문장 **(그림 1: 그림 다시 그리기 필요 — 아래 상자)** 뒤 문장.\n같은 문단의 둘째 줄.\n\n!!! warning"
        in result.markdown
    )
    assert result.markdown.count('!!! warning "그림 다시 그리기 필요"') == 3
    assert "[링크](https://example.com/page) 는 그대로." in result.markdown


# Bad input ----------------------------------------------------------------------


def test_a_term_that_is_not_configured_is_refused_listing_the_allowed_ones(project, tmp_path, capsys):
    post = tmp_path / "2022-11-10-other-term.md"
    post.write_text(LIQUID_POST.replace("categories: 2nd_term", "categories: [1st_term]"), encoding="utf-8")
    assert run_import(project, post) == 1
    error = capsys.readouterr().err
    assert str(post) in error and "'1st_term'" in error and "가능한 값: 2nd_term" in error
    assert not (project / "docs" / "2nd-term" / "other-term.md").exists()


def test_a_file_name_without_a_slug_needs_slug(project, tmp_path, capsys):
    post = tmp_path / "000_961dc230733c15fd.txt"
    post.write_text(SEED_POST, encoding="utf-8")
    assert run_import(project, post, "--number", "7") == 1
    assert "--slug" in capsys.readouterr().err
    assert run_import(project, post, "--number", "7", "--slug", "data-first-look") == 0


def test_a_number_used_by_another_page_is_refused(project, seed_post, capsys):
    assert run_import(project, seed_post) == 1  # the post is seminar 04, which the site already has
    assert "docs/2nd-term/04-what-to-do-with-data.md" in capsys.readouterr().err
    assert not (project / NEW_PAGE).exists()


# The post as the club's Jekyll blog has it (shared/seeds/000_961dc230733c15fd.txt), kept
# here so the tests run on a clean clone and in GitHub Actions. Only the trailing spaces
# (kramdown line breaks) are left out: nothing the tests check depends on them.
SEED_POST = """---
layout: post
title:  04 데이터로 뭐를 할까? 📊
date:   2022-11-03 00:00:00
author: keonju
categories: ["2nd_term"]
tags: ["seminar"]
---

중간고사 끝나고 첫 세미나 시간입니다!
이번 시간에는 가볍게 데이터에 대한 내용들을 찍먹해보겠습니다!
<br><br>

# 목차

1. 분석가? 엔지니어? 사이언티스트?
2. 머신러닝? 딥러닝? AI?
3. 머신러닝 학습 방법 종류
4. 왜 딥러닝인가?
5. 딥러닝 모델 종류
6. 딥러닝 활용 분야
<br>
<br>

# 1. 분석가? 엔지니어? 사이언티스트?

데이터 분석가, 엔지니어, 사이언티스트, 머신러닝 엔지니어..
데이터에 관한 다양한 직업들이 있습니다!

첫번째 주제는 데이터 업무 FLOW에서 어떤 직업들이 어떤 일을 하는지 알아보았습니다.
<br>

![20221108_234616](https://user-images.githubusercontent.com/54880474/200595317-d5734666-6e8c-440d-9ec9-903424c63522.png)

### 데이터 Flow
데이터 획득 -> 정제 -> 모델 학습 -> 분석/시각화 -> 서비스 배포 순으로 이루어집니다.
<br>

### 데이터 엔지니어
데이터를 수집, 저장, 유지, 보수하고 분석에 사용할 수 있도록 만들어주는 역할을 합니다. 또한 지속적으로 데이터를 수집하기 위한 구조를 만듭니다.

따라서 리눅스, 클라우드, 분산시스템, SQL과 같은 기술을 요구합니다.
<br>

### 데이터 사이언티스트
데이터를 이용해 서비스나 기능을 개발합니다. 어떤 비즈니스 인사이트를 도출한다거나 모델링을 이용한 예측 분석을 주로 합니다.

따라서 ML, DL, 통계, 도메인 지식을 요구합니다.
<br>

### 데이터 분석가
코호트 분석과 같이 사용자 분석이나 효율성과 같은 측면을 통계적 지식과 시각화를 통해 분석합니다.

따라서 SQL, 통계, 파이썬, R, 시각화와 같은 기술을 요구합니다.
<br>

### 머신러닝 엔지니어
최신 기계 학습 모델을 연구하고 프로덕션에 배포, 실행할 수 있도록 소프트웨어를 만드는 역할을 합니다.

따라서 파이썬, DL, CV, NLP와 같은 기술을 요구합니다.
<br>
<br>

# 2. 머신러닝? 딥러닝? AI?

머신러닝? 딥러닝? AI? 다들 이야기하는데 무엇이 다를까요?
<br>
![20221108_235455](https://user-images.githubusercontent.com/54880474/200597600-225e5081-e6ad-4384-bbb7-2c441ff879f4.png)

보통 AI > ML > DL 순으로 큰 범위를 의미합니다.
<br>

### AI
the effort to automate intellectual tasks normally performed by humans” - François Chollet

### ML
“field of study that gives computers the ability to learn without being explicitly programmed”-Arthur Samuel

케라스의 창시자와 ML이라는 용어의 대중화를 이끈 분은 각각 AI와 ML을 다음과 같이 정의했습니다. 머신러닝은 인간이 수행하는 지적 작업을 자동화할 수 있도록 컴퓨터에게 학습할 수 있는 능력을 주는 연구입니다.

그래서 프로그래밍이 규칙과 데이터를 통해 해답을 얻어내는 과정이라면 머신러닝은 데이터와 해답을 가지고 컴퓨터가 어떤 규칙을 학습하도록 프로그래밍을 진행합니다.

딥러닝은 머신러닝의 일부인 인공신경망에서 더 발전된 형태를 의미합니다.
<br>
<br>

# 3. 머신러닝 학습 방법 종류

그렇다면 머신러닝에는 어떤 학습 방법이 있을까요?
굉장히 많은 학습 방법들이 있지만 크게 지도, 비지도, 강화학습 세가지로 분류됩니다.
<br>
![20221109_202228](https://user-images.githubusercontent.com/54880474/200817686-36055234-96a7-4c17-9a9a-4089c7d8178b.png)

### 지도학습
지도학습(Supervised Learning)이란 정답(Label)을 알려주는 학습 방법입니다.
분류와 회귀 두가지 방법이 대표적으로 있습니다.

분류(Classification)는 데이터와 정답 두 정보를 모델에 제공하여 최적의 구분 방법을 찾는 방식입니다.
회귀(Regression)는 데이터의 특징과 값 (Label) 사이의 상관관계를 통해 값을 예측하는 방식입니다.

### 비지도학습
비지도학습(Unsupervised Learning)은 정답(Label)이 없지만 모델이 데이터에서 패턴이나 특징, 구조같은 규칙성을 찾는 방식입니다.

군집화(Clustering)은 데이터를 비슷한 것끼리 묶어주는 방법입니다. 분류는 정답을 통해 데이터를 나눠주었다면 군집화는 정답이 없기 때문에 밀도나 거리를 기반으로 데이터를 나눠줍니다.
연관규칙(Association Rule)은 변수들 간의 관계를 발견하기 위한 방법입니다. 등장 빈도나 등장 순서와 같은 정보들을 통해 변수들 간의 관계를 찾아냅니다.
차원 축소(Dimension Reduction)는 고차원의 데이터들을 저차원으로 바꿔줍니다. 하나의 데이터가 가지고있는 특징(정형 데이터의 column)이 많아지면 2D나 3D로 시각화를 하기 힘들며 차원의 저주라는 문제가 발생할 가능성이 있습니다. 이런 경우 차원 축소를 통해 데이터의 차원을 줄여줍니다.

### 강화학습
강화학습은 어떤 환경(environment) 안에서 정의된 주체(agent)가 현재 상태(state)를 관찰하여 선택할 수 있는 행동(action)들 중에서 가장 최대의 보상(reward)을 가져다주는 행동이 무엇인지 학습하는 방법입니다.

![20221109_203538](https://user-images.githubusercontent.com/54880474/200820249-a9566e17-41ee-4989-ac05-4ac18bd2cab0.png)
<br>
<br>

# 4. 왜 딥러닝인가?

![20221109_203715](https://user-images.githubusercontent.com/54880474/200820513-1787f94b-1121-4ba9-b6cf-27d314b28a36.png)

딥러닝의 발전에는 DNN, GPU, Big Data 세가지 요소가 크게 작용했다고 알려져있습니다.

1986년 MLP와 오차역전파가 발표된 이후 퍼셉트론의 문제를 해결하면서 더 깊은 신경망을 만들 수 있었습니다. 하지만 이 때 만들어진 모델은 10개의 숫자를 인식하는 모델을 학습하는 시간만 3일이 걸릴 정도로 하드웨어의 연산 능력이 떨어졌습니다. 따라서 SVM과 같은 머신러닝 모델들이 각광받았습니다.

이런 연산 능력을 해결한 방법은 GPU였습니다. GPU는 CPU와 달리 병렬 연산을 지원하기 때문에 숫자 연산들로 이루어진 딥러닝 모델에 적합하였습니다. GPU는 2012년 AlexNet이 발표되면서 많은 데이터를 더 빠른 속도로 학습할 수 있었고 딥러닝의 발전 속도 빨라졌습니다. NPU나 TPU와 같은 딥러닝 연산에 더 적합하게 만든 하드웨어들도 개발되고 있습니다.

마지막은 빅데이터입니다. 머신러닝의 경우 데이터 양이 많아지더라도 특정 퍼포먼스에서 멈추는 모습을 보였지만 딥러닝의 경우 많은 양의 데이터를 학습해도 꾸준히 성능이 올라가는 모델을 만들 수 있습니다. 깃허브와 OpenAI가 발표한 코파일럿의 경우 수테라 바이트의 코드가 학습에 사용되었다고 합니다. 또한 초거대 언어모델인 GPT-3의 경우 4990억 개의 데이터셋을 학습하였다고 알려져있습니다.
<br>

![20221109_204532](https://user-images.githubusercontent.com/54880474/200822201-e4d4c05e-5a57-4d4e-83df-8f5186406c3b.png)

또한 딥러닝은 기존의 패턴인식 모델들과 다르게 특성 추출이 필요없으며 Low-Level부터 High-Level까지 추출할 수 있다는 장점에서 Representation Learning으로 불립니다. 이런 부분에서 기존 모델들보다 딥러닝을 통한 다양한 응용이 이루어지고 있습니다.
<br>
<br>

# 5. 딥러닝 모델 종류

딥러닝 모델도 굉장히 많지만 여기서는 가장 대표적인 두 모델을 간단하게 소개해드리겠습니다.

### Convolutional Neural Networks (CNN)

![20221109_210736](https://user-images.githubusercontent.com/54880474/200826647-4320fdad-63be-474f-bd47-9c94a342af67.png)

CNN은 convolution이라는 합성곱 연산을 통해서 특징을 추출하는 모델입니다.
그림에서 보이는 것처럼 convolution이 데이터의 지역들과 합성곱 연산을 통해 그 지역의 특징을 추출합니다. 이런 지역적 특징을 추출하는 점에서 이미지를 다루는 곳에 많이 사용되었습니다.

### Recurrent Neural Networks (RNN)

![20221109_211143](https://user-images.githubusercontent.com/54880474/200827375-54515400-eeac-4016-a486-7575d2fdf6a7.png)

RNN은 데이터를 순차적으로 다룹니다. 하나의 데이터가 모델에 들어가면 그 다음 데이터와 이전 데이터의 결과값이 다시 전달됩니다. 그림에서 보이는 것처럼 학습했던 값을 다시 전달해주면서 연속된 데이터를 처리하는 것에 적합하게 설계되어있습니다. 그래서 주로 시계열, 자연어, 음성과 같은 연속된 데이터에 많이 이용되었습니다.

### Transformer

![20221109_211444](https://user-images.githubusercontent.com/54880474/200827941-743baa6b-6837-431b-a563-6668d02d9b9d.png)

Transformer은 구글에서 2017년 발표한 "Attention is all you need"에서 소개된 방식입니다. 기존 seq2seq 구조의 인코더-디코더를 따르면서도 Attention만을 이용해 구현한 모델입니다.
이 모델을 설명하기엔 인코더-디코더, seq2seq와 같이 많은 내용들이 필요합니다.
하지만 자연어처리를 위해 개발된 모델이지만 현재는 이미지, 음성, 강화학습 등 거의 대부분 분야에 Transformer 구조를 채택하려는 연구가 진행되고 있을 정도로 파급력이 컸던 모델입니다.
또한 초거대 AI라고 불리는 대규모 언어 모델들 또한 이 모델을 기점으로 더 발전하게 되었습니다.

<br>
<br>

# 6. 딥러닝 활용 분야

딥러닝은 다양한 분야에서 사용되고 있습니다. 예전에는 자연어, 이미지 각 분야에 국한되었다면 요즘에는 Text-to-Image, Text-to-Speech와 같은 연구도 많이 진행되고 있습니다.

![20221109_213320](https://user-images.githubusercontent.com/54880474/200831584-c81a1203-f32f-4336-a69d-b2578ad86b5e.png)
![20221109_213306](https://user-images.githubusercontent.com/54880474/200831588-0f0cef63-2025-4dfe-9991-a1a64c86b542.png)

이외에 더 많은 연구 주제들을 보고 싶다면 https://paperswithcode.com/에서 확인하실 수 있습니다.
<br>
<br>

# 마무리

이렇게 4번째 세미나 데이터로 무엇을 할까?를 마치게 되었습니다.
이번 세미나를 통해 자신이 머신러닝, 딥러닝을 모르더라도! 아이디어가 생겼을 때 어떤 접근을 하면 좋을지 알게되는 세미나였으면 좋겠습니다!!


"""
