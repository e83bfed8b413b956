# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 실습 2: 비지도학습 — 군집화와 차원 축소
#
# 이번에는 정답(레이블) 없이 데이터만 주고 모델이 스스로 구조를 찾게 합니다. 붓꽃 데이터를 k-평균(k-means)으로 묶은 뒤 숨겨 두었던 정답과 비교해 보고, 64차원짜리 손글씨 숫자 이미지를 PCA로 2차원 평면에 펼쳐 봅니다. 위에서부터 셀을 차례로 실행하면 되고, 20분 정도 걸립니다.
#
# 두 데이터셋 모두 scikit-learn 안에 들어 있어서 따로 내려받을 필요가 없습니다.

# %% [markdown]
# ## 0. 준비
#
# 실습에 쓸 도구를 불러옵니다.

# %%
import numpy as np
import matplotlib.pyplot as plt

from sklearn.datasets import load_iris, load_digits
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score

# %% [markdown]
# ## 1. 붓꽃 데이터 불러오기: 정답은 숨겨 두기
#
# 붓꽃 데이터셋(iris)에는 붓꽃 150송이의 꽃받침 길이와 너비, 꽃잎 길이와 너비(단위 cm)가 들어 있습니다. 원래는 세 품종(세토사, 버시컬러, 버지니카)이라는 정답도 함께 들어 있습니다.
#
# 비지도학습이므로 모델에게는 특성 `X`만 줍니다. 정답은 `y_hidden`이라는 이름으로 따로 숨겨 두었다가, 마지막에 결과를 채점할 때만 꺼내 쓰겠습니다.

# %%
iris = load_iris()
X = iris.data            # 모델에게 주는 것은 이것뿐입니다
y_hidden = iris.target   # 정답: 학습에는 쓰지 않고, 나중에 채점할 때만 씁니다

feature_names = ["꽃받침 길이 (cm)", "꽃받침 너비 (cm)", "꽃잎 길이 (cm)", "꽃잎 너비 (cm)"]
species_names = ["세토사", "버시컬러", "버지니카"]

print("X의 모양:", X.shape, "→ (꽃 수, 특성 수)")
print("특성:", ", ".join(feature_names))
print("처음 다섯 송이:")
print(X[:5])

# %% [markdown]
# ## 2. k-평균으로 묶기
#
# **k-평균**(k-means)은 대표적인 군집화 알고리즘입니다. 세미나에서 본 것처럼 다음 과정을 반복합니다.
#
# 1. 군집의 중심 k개를 정합니다.
# 2. 꽃마다 가장 가까운 중심의 군집에 배정합니다.
# 3. 군집마다 속한 꽃들의 평균 위치로 중심을 옮기고, 2번으로 돌아갑니다.
#
# 몇 개로 묶을지(k)는 사람이 정해 줘야 합니다. 여기서는 3으로 두고, 5단계에서 k를 고르는 방법을 살펴봅니다. `n_init=10`은 시작 중심을 10번 다르게 뽑아 그중 가장 좋은 결과를 쓰라는 뜻이고, `random_state=0`은 그 뽑기를 고정해 매번 같은 결과가 나오게 합니다.

# %%
kmeans = KMeans(n_clusters=3, n_init=10, random_state=0)
clusters = kmeans.fit_predict(X)  # X만 넘깁니다. 정답은 주지 않습니다!

n_clusters = kmeans.n_clusters
print("처음 열 송이의 군집 번호:", clusters[:10])
print("군집별 꽃 수:", np.bincount(clusters))

# %% [markdown]
# 군집 번호 0, 1, 2는 모델이 붙인 이름표일 뿐입니다. 모델은 품종 이름을 모르므로 "군집 0 = 세토사"처럼 번호가 품종과 맞아떨어질 이유가 없습니다.

# %% [markdown]
# ## 3. 그림으로 비교하기
#
# 왼쪽에는 k-평균이 찾은 군집을, 오른쪽에는 숨겨 두었던 실제 품종을 그립니다. k-평균은 특성 4개를 모두 썼지만, 그림은 평면이라 꽃잎 길이와 꽃잎 너비 두 특성만 골라 그렸습니다. 위에서 말한 대로 번호가 품종과 맞을 이유가 없으므로 두 그림의 색이 서로 대응하지 않을 수 있습니다. 색보다는 점들이 **어떻게 나뉘었는지**를 비교해 보세요.

# %%
fig, axes = plt.subplots(1, 2, figsize=(9.5, 4.2), sharex=True, sharey=True)

# 왼쪽: k-평균이 찾은 군집 (꽃잎 길이 = 2번 열, 꽃잎 너비 = 3번 열)
for c in range(n_clusters):
    axes[0].scatter(X[clusters == c, 2], X[clusters == c, 3], alpha=0.7, label=f"군집 {c}")
# 군집 중심 = 그 군집에 속한 꽃들의 평균 위치
centers = np.array([X[clusters == c].mean(axis=0) for c in range(n_clusters)])
axes[0].scatter(centers[:, 2], centers[:, 3], marker="X", s=150, color="black", label="군집 중심")
axes[0].set_title("k-평균이 찾은 군집 (정답 모름)")

# 오른쪽: 숨겨 두었던 실제 품종
for s in range(3):
    axes[1].scatter(X[y_hidden == s, 2], X[y_hidden == s, 3], alpha=0.7, label=species_names[s])
axes[1].set_title("실제 품종 (숨겨 둔 정답)")

for ax in axes:
    ax.set_xlabel(feature_names[2])
    ax.legend(loc="upper left")
axes[0].set_ylabel(feature_names[3])
plt.show()

# %% [markdown]
# 왼쪽 아래에 따로 떨어져 있는, 꽃잎이 작은 무리(세토사)는 정답을 전혀 보지 않고도 정확히 하나의 군집으로 묶였습니다. 반면 오른쪽 위에서 맞닿아 있는 버시컬러와 버지니카는 경계 근처에서 섞였습니다.

# %% [markdown]
# ## 4. 정답과 비교하기: 교차표와 조정 랜드 지수(ARI)
#
# 이제 숨겨 둔 정답을 꺼내 채점합니다. 먼저 품종마다 꽃이 어느 군집에 몇 송이씩 들어갔는지 세어 봅니다(교차표).
#
# 그다음 **조정 랜드 지수**(adjusted Rand index, ARI)로 점수를 매깁니다. ARI는 꽃 두 송이를 짝지어 볼 수 있는 모든 쌍에 대해 "같은 그룹인가, 다른 그룹인가"를 k-평균과 정답이 똑같이 판단했는지 셉니다. 그리고 아무렇게나 묶어도 우연히 맞는 만큼을 빼서 보정합니다.
#
# - **1**이면 두 묶음 방식이 완전히 같습니다.
# - **0** 근처면 무작위로 묶은 것과 다를 바 없습니다.
# - 쌍 단위로 비교하기 때문에 군집 번호가 품종 번호와 달라도 상관없습니다. "군집 1 = 세토사"처럼 번호를 맞춰 줄 필요가 없어서 군집화 결과를 채점하기에 알맞습니다.

# %%
# 교차표: table[품종, 군집] = 그 품종이면서 그 군집에 들어간 꽃 수
table = np.zeros((3, n_clusters), dtype=int)
for s, c in zip(y_hidden, clusters):
    table[s, c] += 1

for s in range(3):
    counts = ", ".join(f"군집 {c}: {table[s, c]}송이" for c in range(n_clusters))
    print(f"{species_names[s]} → {counts}")
print()

ari = adjusted_rand_score(y_hidden, clusters)
print(f"조정 랜드 지수(ARI): {ari:.3f}")

# 품종마다 가장 많이 들어간 군집을 그 품종의 짝으로 보고, 짝이 맞은 꽃을 셉니다.
n_matched = table.max(axis=1).sum()
print(f"→ 품종마다 가장 많이 모인 군집을 짝으로 보면, {len(X)}송이 중 {n_matched}송이({n_matched / len(X):.0%})가 "
      f"자기 품종의 짝 군집에 들어갔습니다.")
print()

# ARI의 성질을 확인해 봅니다.
relabeled = (clusters + 1) % n_clusters  # 군집 번호만 0→1, 1→2, …, 마지막→0으로 바꿔 붙이기
print(f"군집 번호만 바꿔 붙였을 때의 ARI: {adjusted_rand_score(y_hidden, relabeled):.3f} (그대로입니다)")
rng = np.random.default_rng(0)
random_groups = rng.integers(0, 3, size=len(X))  # 아무렇게나 세 그룹으로 나누기
print(f"무작위로 묶었을 때의 ARI: {adjusted_rand_score(y_hidden, random_groups):.3f} (0 근처입니다)")

# %% [markdown]
# ARI가 1에는 못 미치지만 무작위 수준(0)보다는 훨씬 높습니다. 정답을 한 번도 보지 않은 k-평균이 꽃의 크기와 모양만 보고 품종 구분을 상당 부분 되살려 낸 셈입니다. 틀린 부분은 그림에서 본 것처럼 서로 맞닿아 있는 버시컬러와 버지니카의 경계에 몰려 있습니다.

# %% [markdown]
# ## 5. k는 몇 개가 좋을까? 엘보 방법
#
# 앞에서는 품종이 세 가지라는 것을 미리 알고 있었기 때문에 k = 3으로 두었습니다. 하지만 실제 비지도학습 문제에서는 그룹이 몇 개인지 모르는 경우가 대부분입니다.
#
# 이럴 때 흔히 쓰는 방법이 **엘보 방법**(elbow method)입니다. k를 바꿔 가며 **관성**(inertia)을 계산합니다. 관성은 각 점과 자기 군집 중심 사이 거리를 제곱해서 모두 더한 값으로, 군집이 얼마나 촘촘하게 뭉쳐 있는지를 나타냅니다. k를 늘리면 관성은 항상 줄어들지만, 어느 지점부터는 k를 늘려도 별로 줄지 않습니다. 그래프가 팔꿈치(elbow)처럼 꺾이는 그 지점을 적당한 k로 고릅니다.

# %%
ks = range(1, 9)
inertias = []
for k in ks:
    model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    inertias.append(model.inertia_)
    print(f"k = {k}: 관성 {model.inertia_:7.1f}")

fig, ax = plt.subplots(figsize=(6, 3.8))
ax.plot(ks, inertias, marker="o")
ax.set_xticks(list(ks))
ax.set_xlabel("군집 수 k")
ax.set_ylabel("관성 (작을수록 촘촘함)")
ax.set_title("붓꽃 데이터의 엘보 그래프")
ax.grid(True)
plt.show()

# %% [markdown]
# k = 1에서 2, 3으로 갈 때는 관성이 크게 줄다가 그 뒤로는 완만해집니다. 그래서 2나 3 근처가 적당한 후보입니다. 실제 품종은 셋이지만 버시컬러와 버지니카가 많이 겹쳐 있어서 꺾이는 지점이 뚜렷하지는 않습니다. 엘보 방법은 정답을 알려 주는 공식이 아니라 판단을 돕는 참고 자료라는 점을 기억해 두세요.

# %% [markdown]
# ## 6. 차원 축소: 손글씨 숫자 데이터 불러오기
#
# 이제 **차원 축소**로 넘어갑니다. 손글씨 숫자 데이터셋(digits)에는 0부터 9까지 손으로 쓴 숫자 이미지 1,797장이 들어 있습니다. 이미지 한 장은 가로세로 8픽셀이고, 픽셀마다 0(흰색)부터 16(검은색)까지 진하기를 나타내는 값이 있습니다. 픽셀 하나가 특성 하나이므로 이미지 한 장은 8 × 8 = **64차원** 데이터입니다.
#
# 이번에도 정답 숫자(`y_digits`)는 PCA에 주지 않고, 결과를 그림으로 그릴 때 색을 칠하는 데만 씁니다.

# %%
digits = load_digits()
X_digits = digits.data    # (1797, 64): 이미지 한 장을 숫자 64개짜리 한 줄로 펼친 것
y_digits = digits.target  # 정답 숫자 0~9: 색칠할 때만 씁니다

print("X_digits의 모양:", X_digits.shape, "→ (이미지 수, 픽셀 수)")
print("첫 번째 이미지의 픽셀 값 (8 × 8):")
print(digits.images[0].astype(int))

fig, axes = plt.subplots(1, 10, figsize=(9, 1.8))
for ax, image, label in zip(axes, digits.images, y_digits):
    ax.imshow(image, cmap="gray_r")  # 값이 클수록 진하게 그립니다
    ax.set_title(f"정답 {label}", fontsize=10)
    ax.axis("off")
fig.suptitle("손글씨 숫자 이미지 예시 (8 × 8 픽셀)")
plt.show()

# %% [markdown]
# ## 7. PCA로 64차원을 2차원으로 줄이기
#
# **주성분 분석**(PCA)은 데이터가 가장 넓게 퍼져 있는 방향을 찾아 첫 번째 새 축(주성분 1)으로 삼고, 그 축과 직각인 방향 가운데 다음으로 넓게 퍼진 방향을 두 번째 축(주성분 2)으로 삼는 식으로 축을 새로 잡습니다. 이 가운데 앞의 두 축만 남기면 64차원 데이터를 2차원 평면에 옮길 수 있습니다.
#
# 이렇게 줄이면 정보를 얼마나 잃을까요? **설명된 분산 비율**(explained variance ratio)을 보면 알 수 있습니다. 원래 데이터가 퍼져 있는 정도(분산) 가운데 각 주성분이 몇 %를 담고 있는지를 나타내는 값입니다.

# %%
pca = PCA(n_components=2, random_state=0)
X_2d = pca.fit_transform(X_digits)  # 이번에도 X만 넘깁니다

ratio = pca.explained_variance_ratio_
print("변환 전:", X_digits.shape, "→ 변환 후:", X_2d.shape)
print(f"설명된 분산 비율: 주성분 1 = {ratio[0]:.1%}, 주성분 2 = {ratio[1]:.1%}, 합계 = {ratio.sum():.1%}")
print(f"→ 숫자 64개를 2개로 줄이면서, 원래 데이터가 퍼져 있는 정도의 약 {ratio.sum():.0%}를 담았다는 뜻입니다.")

# 주성분을 전부(64개) 구해서, 몇 개면 90%를 담을 수 있는지 확인합니다.
pca_full = PCA(random_state=0).fit(X_digits)
cumulative = np.cumsum(pca_full.explained_variance_ratio_)
n_90 = int(np.argmax(cumulative >= 0.9)) + 1
print(f"→ 90%를 담으려면 주성분이 {n_90}개 필요합니다. 원래 64차원의 약 {n_90 / 64:.0%}만으로 충분한 셈입니다.")

# %% [markdown]
# ## 8. 2차원 평면에 그려 보기
#
# 줄인 결과를 평면에 찍어 봅니다. 점 하나가 이미지 한 장이고, 색과 큰 숫자는 정답 숫자를 나타냅니다. 다시 말하지만 PCA는 이 정답을 전혀 보지 않았습니다.

# %%
fig, ax = plt.subplots(figsize=(7, 6))
# vmin/vmax를 -0.5~9.5로 두면 색 막대에서 숫자마다 한 칸씩 색이 대응합니다.
points = ax.scatter(X_2d[:, 0], X_2d[:, 1], c=y_digits, cmap="tab10", vmin=-0.5, vmax=9.5, s=8, alpha=0.6)

# 숫자마다 점들의 가운데(중앙값) 위치에 그 숫자를 크게 적습니다.
for d in range(10):
    x_mid, y_mid = np.median(X_2d[y_digits == d], axis=0)
    ax.text(x_mid, y_mid, str(d), fontsize=16, fontweight="bold", ha="center", va="center",
            bbox=dict(boxstyle="circle", facecolor="white", edgecolor=plt.cm.tab10(d), alpha=0.9))

fig.colorbar(points, ax=ax, ticks=range(10), label="정답 숫자")
ax.set_xlabel(f"주성분 1 (분산의 {ratio[0]:.1%})")
ax.set_ylabel(f"주성분 2 (분산의 {ratio[1]:.1%})")
ax.set_title(f"손글씨 숫자 {len(X_digits):,}장을 PCA로 2차원에 펼친 결과")
plt.show()

# %% [markdown]
# 정답을 쓰지 않았는데도 같은 숫자끼리 어느 정도 모여 있습니다. 0, 4, 6처럼 다른 숫자와 잘 떨어진 숫자도 있고, 가운데에서 여러 숫자가 겹쳐 있는 곳도 있습니다. 2차원에 담긴 정보는 전체의 30%에 조금 못 미치니 겹치는 것이 당연합니다. 그래도 64차원 데이터의 대략적인 구조를 눈으로 확인할 수 있다는 것이 차원 축소의 큰 장점입니다.
#
# ## 정리
#
# 두 실습 모두 모델에게 정답을 주지 않았습니다. k-평균은 비슷한 꽃끼리 묶어 품종 구분을 상당 부분 되살렸고, PCA는 64차원 이미지를 2차원으로 줄여 숫자별로 모이는 구조를 보여 주었습니다. 정답은 결과를 **채점하거나 그림에 색을 칠할 때만** 썼다는 점이 지도학습과의 차이입니다.

# %% [markdown]
# ## 직접 바꿔 보기
#
# 코드를 조금씩 바꾸고 해당 셀부터 다시 실행해 보세요.
#
# 1. **군집 수 바꾸기**: 2단계의 `n_clusters=3`을 2나 4로 바꾸고 4단계까지 다시 실행해 보세요. 교차표와 ARI가 어떻게 달라지나요? 엘보 그래프에서 본 모양과도 비교해 보세요.
# 2. **특성 골라 쓰기**: 2단계에서 `kmeans.fit_predict(X)` 대신 꽃잎 두 특성만 쓰는 `kmeans.fit_predict(X[:, 2:])`로 바꿔 보세요. ARI가 올라가나요, 내려가나요? 3단계의 그림을 보며 이유를 생각해 보세요.
# 3. **손글씨 숫자도 묶어 보기**: 새 셀에 `adjusted_rand_score(y_digits, KMeans(n_clusters=10, n_init=10, random_state=0).fit_predict(X_digits))`를 실행해 보세요. 정답 없이 이미지 1,797장을 10개 군집으로 묶었을 때, 실제 숫자 구분과 얼마나 비슷할까요?
