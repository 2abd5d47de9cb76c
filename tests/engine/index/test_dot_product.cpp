#include "engine/index/dot_product.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using namespace docrag;

// The vector index's kernels: the one chosen for this CPU agrees with the portable one.
class TestDotProduct final : public QObject {
    Q_OBJECT

private slots:
    void floatKernelsAgree() {
        std::mt19937 rng(1);
        std::normal_distribution<float> normal;
        for (size_t n : {size_t(1), size_t(7), size_t(16), size_t(384), size_t(1000)}) {
            std::vector<float> a(n), b(n);
            for (size_t i = 0; i < n; ++i) {
                a[i] = normal(rng);
                b[i] = normal(rng);
            }
            const float exact = DotProduct::scalar(a.data(), b.data(), n);
            QVERIFY(std::abs(DotProduct::best()(a.data(), b.data(), n) - exact) <
                    1e-3f * std::sqrt(float(n)));
        }
    }

    // Every half that is a number comes back as itself, through both conversions.
    void everyHalfRoundTrips() {
        for (std::uint32_t bits = 0; bits <= 0xffff; ++bits) {
            const auto half = static_cast<std::uint16_t>(bits);
            if ((half & 0x7c00) == 0x7c00 && (half & 0x03ff) != 0)
                continue; // NaN
            const float value = DotProduct::scalarFromHalf(half);
            float chosen = 0;
            DotProduct::fromHalf(&half, &chosen, 1);
            QCOMPARE(std::memcmp(&value, &chosen, sizeof(float)), 0);
            std::uint16_t back = 0;
            DotProduct::toHalf(&value, &back, 1);
            QCOMPARE(back, half);
            QCOMPARE(DotProduct::scalarToHalf(value), half);
        }
    }

    // Floats between halves are rounded the same way (to nearest, ties to even) by both conversions,
    // eight at a time (the F16C path) and one at a time; too large is infinite.
    void roundingAgrees() {
        std::mt19937 rng(2);
        std::uniform_int_distribution<int> exponent(-30, 20);
        std::uniform_real_distribution<float> mantissa(-2.0f, 2.0f);
        std::vector<float> values(4096);
        for (float& v : values)
            v = std::ldexp(mantissa(rng), exponent(rng));
        values[0] = 65519.0f;
        values[1] = 65520.0f;
        values[2] = -1e30f;
        values[3] = 1.0f + 1.0f / 2048.0f; // a tie: to even, 1
        std::vector<std::uint16_t> halves(values.size());
        DotProduct::toHalf(values.data(), halves.data(), values.size());
        for (size_t i = 0; i < values.size(); ++i)
            QCOMPARE(halves[i], DotProduct::scalarToHalf(values[i]));
        QCOMPARE(halves[0], std::uint16_t(0x7bff));
        QCOMPARE(halves[1], std::uint16_t(0x7c00));
        QCOMPARE(halves[2], std::uint16_t(0xfc00));
        QCOMPARE(halves[3], std::uint16_t(0x3c00));
    }

    void halfKernelsAgreeWithFloats() {
        std::mt19937 rng(3);
        std::normal_distribution<float> normal;
        for (size_t n : {size_t(3), size_t(16), size_t(40), size_t(47), size_t(384), size_t(1537)}) {
            std::vector<float> a(n), b(n);
            float na = 0, nb = 0;
            for (size_t i = 0; i < n; ++i) {
                a[i] = normal(rng);
                b[i] = normal(rng);
                na += a[i] * a[i];
                nb += b[i] * b[i];
            }
            for (size_t i = 0; i < n; ++i) {
                a[i] /= std::sqrt(na);
                b[i] /= std::sqrt(nb);
            }
            std::vector<std::uint16_t> ha(n), hb(n);
            DotProduct::toHalf(a.data(), ha.data(), n);
            DotProduct::toHalf(b.data(), hb.data(), n);
            const float exact = DotProduct::scalar(a.data(), b.data(), n);
            const float half = DotProduct::bestHalf()(ha.data(), hb.data(), n);
            QVERIFY2(std::abs(half - exact) < 2e-3f,
                     qPrintable(QStringLiteral("%1 %2").arg(half).arg(exact)));
            QVERIFY(std::abs(half - DotProduct::scalarHalf(ha.data(), hb.data(), n)) < 1e-5f);
        }
    }
};

QTEST_GUILESS_MAIN(TestDotProduct)
#include "test_dot_product.moc"
