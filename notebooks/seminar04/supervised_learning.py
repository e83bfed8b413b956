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
# # 실습 1: 지도학습 — 분류와 회귀
#
# 세미나에서 살펴본 지도학습을 직접 코드로 돌려 봅니다. 와인의 품종을 맞히는 **분류** 모델과 당뇨병 환자의 병이 얼마나 진행될지 예측하는 **회귀** 모델을 만들고, 모델이 받은 점수가 무슨 뜻인지 읽어 봅니다. 위에서부터 셀을 차례로 실행하면 되고, 20분 정도 걸립니다.
#
# 두 데이터셋 모두 scikit-learn 안에 들어 있어서 따로 내려받을 필요가 없습니다.

# %% [markdown]
# ## 0. 준비
#
# 실습에 쓸 도구를 불러옵니다. 숫자 계산은 NumPy, 그래프는 Matplotlib, 머신러닝 모델은 scikit-learn이 맡습니다.

# %%
import numpy as np
import matplotlib.pyplot as plt

from sklearn.datasets import load_wine, load_diabetes
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.neighbors import KNeighborsClassifier
from sklearn.linear_model import LinearRegression
from sklearn.metrics import confusion_matrix, mean_absolute_error

# %% [markdown]
# ## 1. 분류: 데이터 불러오기
#
# 첫 번째 문제는 **분류**입니다. 와인 데이터셋(wine)에는 이탈리아의 한 지역에서 만든 와인 178병을 화학적으로 분석한 결과가 들어 있습니다. 와인마다 알코올 도수(`alcohol`), 색의 진하기(`color_intensity`), 아미노산의 일종인 프롤린 함량(`proline`) 같은 특성(feature)이 13개 있고, 정답(레이블)은 세 품종(0, 1, 2) 가운데 하나입니다.
#
# 머신러닝에서는 보통 특성을 `X`, 정답을 `y`라고 부릅니다. 문제집에 비유하면 `X`는 문제, `y`는 답입니다.

# %%
wine = load_wine()
X = wine.data    # 특성(문제): 와인 한 병이 한 줄
y = wine.target  # 정답(레이블): 품종 번호 0, 1, 2

print("X의 모양:", X.shape, "→ (와인 수, 특성 수)")
print("y의 모양:", y.shape)
print("품종별 와인 수:", np.bincount(y))
print()

# 처음 세 병의 특성 값을 표처럼 출력합니다. 한 줄이 특성 하나입니다.
print(f"{'feature':<30}{'X[0]':>10}{'X[1]':>10}{'X[2]':>10}")
for name, values in zip(wine.feature_names, X[:3].T):
    print(f"{name:<30}" + "".join(f"{v:>10.2f}" for v in values))
print()
print("처음 세 병의 정답(품종):", y[:3])

# %% [markdown]
# 특성마다 숫자의 크기가 무척 다르다는 점을 눈여겨보세요. `hue`는 1 안팎인데 `proline`은 수백에서 1,000이 넘는 값까지 나옵니다. 이 차이가 3단계에서 중요해집니다.
#
# 그리고 이 데이터는 품종 순서대로 정렬되어 있어서 처음 몇 병은 모두 품종 0입니다. 그래서 다음 단계에서 데이터를 나눌 때 골고루 섞어야 합니다.

# %% [markdown]
# ## 2. 훈련 데이터와 테스트 데이터로 나누기
#
# 모델의 진짜 실력을 알려면 공부할 때 보지 못한 문제로 시험을 봐야 합니다. 문제집의 답을 통째로 외운 학생도 같은 문제집으로 시험을 보면 만점을 받으니까요. 그래서 데이터를 **훈련 데이터**(train)와 **테스트 데이터**(test)로 나누고, 테스트 데이터는 채점할 때까지 모델에게 보여 주지 않습니다. 이 과정을 train/test split이라고 합니다.
#
# - `test_size=0.25`: 전체의 25%를 테스트용으로 떼어 둡니다.
# - `stratify=y`: 훈련 데이터와 테스트 데이터의 품종 비율을 원래 데이터와 같게 맞춥니다.
# - `random_state=42`: `train_test_split`은 나누기 전에 데이터를 무작위로 섞는데, 섞는 방식을 고정해서 누가 언제 실행해도 같은 결과가 나오게 합니다.

# %%
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=42
)

print("훈련 데이터:", X_train.shape, "/ 품종별", np.bincount(y_train))
print("테스트 데이터:", X_test.shape, "/ 품종별", np.bincount(y_test))

# %% [markdown]
# ## 3. 모델 학습하고 평가하기: k-최근접 이웃
#
# 첫 모델로 **k-최근접 이웃**(k-nearest neighbors, k-NN)을 씁니다. 새 와인이 들어오면 훈련 데이터에서 특성이 가장 비슷한, 즉 거리가 가장 가까운 와인 k병을 찾아 그 품종들의 다수결로 답을 정하는 단순한 방법입니다. 여기서는 k = 5로 둡니다.
#
# k-NN은 거리로 판단하기 때문에, 1단계에서 본 것처럼 숫자가 큰 특성(`proline`)이 거리를 혼자 좌우해 버릴 수 있습니다. 그래서 `StandardScaler`로 모든 특성을 평균 0, 표준편차 1로 맞춘 뒤에 k-NN에 넘깁니다. `make_pipeline`은 이 두 단계를 하나의 모델로 묶어 줍니다.
#
# scikit-learn 모델은 모두 같은 방식으로 씁니다. `fit`으로 학습하고, `predict`로 예측하고, `score`로 채점합니다. 분류 모델의 `score`는 **정확도**(accuracy), 즉 맞힌 비율을 돌려줍니다.

# %%
clf = make_pipeline(
    StandardScaler(),                     # 1단계: 특성의 크기(단위)를 맞춥니다
    KNeighborsClassifier(n_neighbors=5),  # 2단계: 가장 가까운 5병의 다수결로 품종을 정합니다
)
clf.fit(X_train, y_train)  # 학습: 훈련 데이터의 문제와 정답을 함께 보여 줍니다

y_pred = clf.predict(X_test)          # 예측: 테스트 데이터의 문제만 주고 답을 내게 합니다
accuracy = clf.score(X_test, y_test)  # 채점: 예측과 정답을 비교한 정확도
n_test = len(y_test)
n_correct = int(np.sum(y_pred == y_test))

print("예측:", y_pred[:15], "...")
print("정답:", y_test[:15], "...")
print()
print(f"테스트 정확도(accuracy): {accuracy:.3f}")
print(f"→ 테스트 데이터 {n_test}병 중 {n_correct}병의 품종을 맞히고 {n_test - n_correct}병을 틀렸다는 뜻입니다.")

# %% [markdown]
# ## 4. 무엇을 헷갈렸는지 보기: 혼동 행렬
#
# 정확도 하나만으로는 모델이 어떤 품종을 어떤 품종과 헷갈렸는지 알 수 없습니다. 이럴 때 **혼동 행렬**(confusion matrix)을 그려 봅니다. 행은 실제 품종, 열은 모델이 예측한 품종이고, 칸의 숫자는 그 경우에 해당하는 와인 수입니다. 왼쪽 위에서 오른쪽 아래로 이어지는 대각선은 맞힌 경우이고, 나머지 칸은 틀린 경우입니다.

# %%
cm = confusion_matrix(y_test, y_pred)
class_names = ["품종 0", "품종 1", "품종 2"]

print(cm)
print()
# 대각선 밖의 칸, 즉 틀린 경우만 골라 풀어 씁니다.
print("틀린 경우:")
for i in range(3):
    for j in range(3):
        if i != j and cm[i, j] > 0:
            print(f"  실제는 {class_names[i]}, 예측은 {class_names[j]}: {cm[i, j]}병")

fig, ax = plt.subplots(figsize=(4.8, 4.2))
ax.imshow(cm, cmap="Blues")
# 칸마다 개수를 적습니다. 진한 칸에는 흰 글씨, 옅은 칸에는 검은 글씨를 씁니다.
for i in range(3):
    for j in range(3):
        color = "white" if cm[i, j] > cm.max() / 2 else "black"
        ax.text(j, i, str(cm[i, j]), ha="center", va="center", color=color, fontsize=14)
ax.set_xticks(range(3), class_names)
ax.set_yticks(range(3), class_names)
ax.set_xlabel("모델이 예측한 품종")
ax.set_ylabel("실제 품종")
ax.set_title(f"와인 품종 분류의 혼동 행렬 (정확도 {accuracy:.1%})")
plt.show()

# %% [markdown]
# 대각선에 숫자가 몰려 있을수록 좋은 모델입니다. 틀린 경우가 어느 칸에 모여 있는지 보면 모델이 특히 헷갈리는 품종 쌍을 찾을 수 있습니다.

# %% [markdown]
# ## 5. 회귀: 데이터 불러오기
#
# 두 번째 문제는 **회귀**입니다. 당뇨병 데이터셋(diabetes)에는 환자 442명의 나이(`age`), 성별(`sex`), 체질량지수(`bmi`), 평균 혈압(`bp`), 혈액 검사 수치 6가지(`s1`–`s6`)가 들어 있습니다. 정답은 검사 1년 뒤 병이 얼마나 진행되었는지를 나타내는 수치입니다.
#
# 분류의 정답은 "품종 0, 1, 2" 가운데 하나였지만, 여기서는 정답이 25에서 346 사이의 연속된 숫자입니다. "어느 쪽인가?"가 아니라 "얼마인가?"를 묻는 문제라서 회귀에 속합니다. 와인 데이터와 헷갈리지 않도록 이름에 diabetes의 `d`를 붙여 `Xd`, `yd`라고 부르겠습니다.

# %%
diabetes = load_diabetes(scaled=False)  # scaled=False: 나이는 세, 혈압은 mmHg처럼 원래 단위 그대로 불러옵니다
Xd = diabetes.data
yd = diabetes.target

print("Xd의 모양:", Xd.shape, "→ (환자 수, 특성 수)")
print(f"정답(1년 뒤 진행 정도)의 범위: {yd.min():.0f} ~ {yd.max():.0f}, 평균 {yd.mean():.1f}")
print()

print(f"{'feature':<10}{'Xd[0]':>10}{'Xd[1]':>10}{'Xd[2]':>10}")
for name, values in zip(diabetes.feature_names, Xd[:3].T):
    print(f"{name:<10}" + "".join(f"{v:>10.1f}" for v in values))
print()
print("처음 세 명의 정답(진행 정도):", yd[:3])

# %% [markdown]
# ## 6. 회귀 모델 학습하고 평가하기: 선형 회귀
#
# 회귀 모델로는 가장 기본적인 **선형 회귀**(linear regression)를 씁니다. 선형 회귀는 "예측값 = 가중치 × 나이 + 가중치 × BMI + … + 절편"처럼 특성마다 가중치를 곱해 더한 값으로 예측합니다. 학습이란 훈련 데이터에서 오차가 가장 작아지는 가중치를 찾는 과정입니다.
#
# 순서는 분류와 똑같습니다. 데이터를 나누고, `fit`으로 학습하고, 테스트 데이터로 채점합니다. 채점 기준만 다릅니다. 회귀에서는 "정확히 맞혔다"는 개념이 없으므로 얼마나 가깝게 맞혔는지를 봅니다.
#
# - **평균 절대 오차**(MAE): 예측이 실제값에서 평균적으로 얼마나 빗나갔는지를 나타냅니다. 작을수록 좋습니다. 환자가 $n$명이고 $i$번째 환자의 실제값이 $y_i$, 예측값이 $\hat{y}_i$일 때 $\mathrm{MAE} = \frac{1}{n}\sum_{i=1}^{n} \lvert y_i - \hat{y}_i \rvert$입니다.
# - **R²**(결정계수): 모든 환자에게 평균값 하나만 똑같이 찍어 주는 가장 단순한 예측과 비교해 오차를 얼마나 줄였는지를 나타냅니다. 1이면 완벽한 예측이고, 0이면 평균값 찍기와 다를 바 없는 수준이며, 평균값 찍기보다도 못하면 음수가 됩니다. 회귀 모델의 `score`는 이 R²를 돌려줍니다.

# %%
Xd_train, Xd_test, yd_train, yd_test = train_test_split(Xd, yd, test_size=0.25, random_state=42)

reg = LinearRegression()
reg.fit(Xd_train, yd_train)
yd_pred = reg.predict(Xd_test)

r2 = reg.score(Xd_test, yd_test)
mae = mean_absolute_error(yd_test, yd_pred)
# 비교 기준: 모든 환자에게 훈련 데이터의 평균값 하나만 예측해 주는 '찍기'
baseline = np.full(len(yd_test), yd_train.mean())
baseline_mae = mean_absolute_error(yd_test, baseline)

print("처음 다섯 명의 실제값과 예측값:")
for actual, pred in zip(yd_test[:5], yd_pred[:5]):
    print(f"  실제 {actual:5.0f}   예측 {pred:6.1f}")
print()
print(f"테스트 R²: {r2:.3f}")
print(f"평균 절대 오차(MAE): {mae:.1f}")
print(f"→ 테스트 환자 {len(yd_test)}명의 진행 정도를 예측했더니 평균 {mae:.1f}만큼 빗나갔습니다.")
print(f"→ 모두에게 평균값 {yd_train.mean():.1f}만 찍어 주면 평균 {baseline_mae:.1f}만큼 빗나가므로, "
      f"모델이 평균 오차를 {1 - mae / baseline_mae:.0%} 줄였습니다.")

# %% [markdown]
# 분류에서 본 정확도와 R²는 서로 다른 잣대라서 숫자끼리 바로 비교할 수 없습니다. R²가 0.5 안팎이라는 것은 나이, BMI, 혈압, 혈액 검사 수치만으로는 병의 진행을 어느 정도까지만 예측할 수 있다는 뜻입니다. 평균값 찍기보다는 확실히 낫지만, 아직 설명하지 못하는 부분이 많이 남아 있습니다.

# %% [markdown]
# ## 7. 예측값과 실제값 비교하기
#
# 회귀 결과는 가로축에 실제값, 세로축에 예측값을 놓은 산점도로 확인하면 한눈에 들어옵니다. 점 하나가 테스트 환자 한 명입니다. 예측이 완벽하다면 모든 점이 점선(예측 = 실제) 위에 놓입니다.

# %%
fig, ax = plt.subplots(figsize=(5.5, 5.2))
ax.scatter(yd_test, yd_pred, alpha=0.7, label="테스트 환자")
line = [yd.min(), yd.max()]
ax.plot(line, line, linestyle="--", color="gray", label="완벽한 예측 (예측 = 실제)")
ax.set_xlabel("실제 진행 정도")
ax.set_ylabel("모델이 예측한 진행 정도")
ax.set_title(f"당뇨병 진행 정도: 예측 vs 실제 ($R^2$ = {r2:.2f})")  # $R^2$: 위첨자 2를 그리는 표기
ax.legend()
plt.show()

# %% [markdown]
# 점들이 점선을 따라 오른쪽 위로 올라가므로, 모델이 대체로 진행 정도가 큰 환자와 작은 환자를 구별하고 있습니다. 하지만 점선에서 꽤 떨어진 점도 많습니다. 특히 실제값이 아주 큰 환자는 실제보다 낮게, 아주 작은 환자는 실제보다 높게 예측하는 경향이 보입니다. 예측이 전체 평균 쪽으로 끌려가는 것인데, 특성만으로 설명하지 못하는 부분이 클 때 흔히 나타나는 모습입니다.
#
# ## 정리
#
# 분류와 회귀 모두 **데이터 불러오기 → 훈련/테스트로 나누기 → `fit`으로 학습 → 테스트 데이터로 채점 → 점수의 의미 읽기**라는 같은 흐름을 따랐습니다. 달라진 것은 정답의 종류(범주인가, 숫자인가)와 채점 방법(정확도인가, R²·MAE인가)뿐입니다.

# %% [markdown]
# ## 직접 바꿔 보기
#
# 코드를 조금씩 바꾸고 해당 셀부터 다시 실행해 보세요.
#
# 1. **k 바꾸기**: 3단계의 `n_neighbors=5`를 1, 15, 50으로 바꿔 보세요. 정확도와 혼동 행렬이 어떻게 달라지나요? 마지막으로 k를 훈련 데이터 전체 수인 133으로 두면 어떤 일이 생길지 먼저 예상해 보고 실행해 보세요.
# 2. **크기 맞추기 빼기**: 3단계에서 `StandardScaler(),` 줄을 지우고 다시 실행해 보세요. 정확도가 얼마나 떨어지나요? 1단계에서 본 `proline`의 크기를 떠올리며 이유를 생각해 보세요.
# 3. **나누는 방식 바꾸기**: 2단계와 6단계의 `random_state=42`를 0이나 1로 바꿔 보세요. 같은 모델인데도 테스트 데이터가 달라지면 점수가 달라집니다. 특히 회귀의 R²가 얼마나 흔들리는지 확인해 보세요. 테스트 점수 하나를 지나치게 믿으면 안 되는 이유입니다.
