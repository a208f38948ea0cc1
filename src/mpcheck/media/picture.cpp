#include "mpcheck/media/picture.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace mpcheck::media {

Luma downscale_luma(const uint8_t* plane, int linesize, int width, int height, int bytes_per_sample,
                    int shift, int out_width)
{
  Luma out;
  if (!plane || width <= 0 || height <= 0 || out_width <= 0)
    return out;
  out.width = std::min(out_width, width);
  out.height = std::max(2, int(std::lround(double(height) * out.width / width / 2.0)) * 2);
  out.height = std::min(out.height, height);
  out.pixels.resize(size_t(out.width) * size_t(out.height));
  std::vector<uint32_t> sums(size_t(out.width));
  for (int oy = 0; oy < out.height; ++oy) {
    const int y0 = int(int64_t(oy) * height / out.height);
    const int y1 = std::max(y0 + 1, int(int64_t(oy + 1) * height / out.height));
    std::fill(sums.begin(), sums.end(), 0u);
    for (int y = y0; y < y1; ++y) {
      const uint8_t* row = plane + ptrdiff_t(y) * linesize;
      for (int ox = 0; ox < out.width; ++ox) {
        const int x0 = int(int64_t(ox) * width / out.width);
        const int x1 = std::max(x0 + 1, int(int64_t(ox + 1) * width / out.width));
        uint32_t s = 0;
        if (bytes_per_sample == 1) {
          for (int x = x0; x < x1; ++x)
            s += row[x];
        } else {
          for (int x = x0; x < x1; ++x)
            s += uint32_t(row[2 * x] | (row[2 * x + 1] << 8)) >> shift;
        }
        sums[size_t(ox)] += s;
      }
    }
    for (int ox = 0; ox < out.width; ++ox) {
      const int x0 = int(int64_t(ox) * width / out.width);
      const int x1 = std::max(x0 + 1, int(int64_t(ox + 1) * width / out.width));
      const uint32_t n = uint32_t((x1 - x0) * (y1 - y0));
      out.pixels[size_t(oy) * size_t(out.width) + size_t(ox)] =
          uint8_t(std::min<uint32_t>(255, (sums[size_t(ox)] + n / 2) / n));
    }
  }
  return out;
}

double black_fraction(const Luma& picture)
{
  if (picture.pixels.empty())
    return 0;
  // blackdetect: pixel_black_th = 0.10 of the range above black.
  const double low = picture.full_range ? 0 : 16, high = picture.full_range ? 255 : 235;
  const int level = int(low + 0.10 * (high - low));
  const auto dark = std::count_if(picture.pixels.begin(), picture.pixels.end(),
                                  [level](uint8_t p) { return p <= level; });
  return double(dark) / double(picture.pixels.size());
}

bool is_black(const Luma& picture)
{
  return !picture.pixels.empty() && black_fraction(picture) >= 0.98;
}

double mean_squared_difference(const Luma& a, const Luma& b, int row_begin, int row_end)
{
  if (a.width != b.width || a.height != b.height || a.pixels.empty())
    return 0;
  row_begin = std::clamp(row_begin, 0, a.height);
  row_end = std::clamp(row_end, row_begin, a.height);
  if (row_end == row_begin)
    return 0;
  double sum = 0;
  const size_t begin = size_t(row_begin) * size_t(a.width), end = size_t(row_end) * size_t(a.width);
  for (size_t i = begin; i < end; ++i) {
    const int d = int(a.pixels[i]) - int(b.pixels[i]);
    sum += double(d * d);
  }
  return sum / double(end - begin);
}

double psnr_from_mse(double mse)
{
  if (mse <= 1e-10)
    return 99;
  return std::min(99.0, 10.0 * std::log10(255.0 * 255.0 / mse));
}

double edge_density(const Luma& picture, int row_begin, int row_end)
{
  // A text stroke at this scale: a step of at least a fifth of the range between neighbours.
  constexpr int strong = 48;
  row_begin = std::clamp(row_begin, 1, std::max(1, picture.height - 1));
  row_end = std::clamp(row_end, row_begin, std::max(1, picture.height - 1));
  int64_t edges = 0, total = 0;
  const int w = picture.width;
  for (int y = row_begin; y < row_end; ++y) {
    const uint8_t* row = picture.pixels.data() + size_t(y) * size_t(w);
    for (int x = 1; x + 1 < w; ++x) {
      const int gx = std::abs(int(row[x + 1]) - int(row[x - 1]));
      const int gy = std::abs(int(row[x + w]) - int(row[x - w]));
      edges += (gx + gy) >= strong;
      ++total;
    }
  }
  return total > 0 ? double(edges) / double(total) : 0;
}

namespace {

struct MatchedPair {
  const Luma* subtitled;
  const Luma* clean;
};

std::vector<MatchedPair> match_by_time(const std::vector<Luma>& a, const std::vector<Luma>& b,
                                       double tolerance_s, bool& size_differs)
{
  std::vector<MatchedPair> out;
  for (const Luma& x : a) {
    const auto it = std::min_element(b.begin(), b.end(), [&](const Luma& p, const Luma& q) {
      return std::abs(p.time_s - x.time_s) < std::abs(q.time_s - x.time_s);
    });
    if (it == b.end() || std::abs(it->time_s - x.time_s) > tolerance_s)
      continue;
    if (it->width != x.width || it->height != x.height) {
      size_differs = true;
      continue;
    }
    out.push_back({&x, &*it});
  }
  return out;
}

// Per row, the mean squared difference over all matched samples.
std::vector<double> row_differences(const std::vector<MatchedPair>& pairs, int height)
{
  std::vector<double> rows(size_t(height), 0.0);
  for (const auto& p : pairs)
    for (int y = 0; y < height; ++y)
      rows[size_t(y)] += mean_squared_difference(*p.subtitled, *p.clean, y, y + 1);
  for (double& r : rows)
    r /= double(pairs.size());
  return rows;
}

double median(std::vector<double> v)
{
  if (v.empty())
    return 0;
  std::nth_element(v.begin(), v.begin() + ptrdiff_t(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// The subtitle band: rows in the lower part whose differences stand far above those of the
// upper part (the picture both versions share). Returns false when no row stands out.
bool find_band(const std::vector<double>& rows, int& top, int& bottom)
{
  const int h = int(rows.size());
  const double base = median(std::vector<double>(rows.begin(), rows.begin() + h * 6 / 10));
  const double level = std::max(8.0 * base, base + 20.0);
  top = -1;
  bottom = -1;
  for (int y = h * 55 / 100; y < h; ++y) {
    if (rows[size_t(y)] > level) {
      if (top < 0)
        top = y;
      bottom = y;
    }
  }
  if (top < 0)
    return false;
  // A little margin for the soft edge of an outline, and no more than the lower 45 %.
  top = std::max(h * 55 / 100, top - 2);
  bottom = std::min(h - 1, bottom + 2);
  return true;
}

} // namespace

PairComparison compare_pair(const std::vector<Luma>& subtitled, const std::vector<Luma>& clean,
                            double tolerance_s)
{
  PairComparison out;
  const std::vector<MatchedPair> pairs =
      match_by_time(subtitled, clean, tolerance_s, out.size_differs);
  out.samples = int(pairs.size());
  if (pairs.empty())
    return out;
  const int h = pairs.front().subtitled->height;
  out.height = h;
  const std::vector<double> rows = row_differences(pairs, h);
  const bool band = find_band(rows, out.band_top, out.band_bottom);
  const int above = band ? out.band_top : h;
  double mse = 0;
  int identical = 0;
  for (const auto& p : pairs) {
    mse += mean_squared_difference(*p.subtitled, *p.clean, 0, above);
    identical += psnr_from_mse(mean_squared_difference(*p.subtitled, *p.clean, 0, h)) >= 50;
  }
  out.psnr_outside_band = psnr_from_mse(mse / double(pairs.size()));
  out.identical_share = double(identical) / double(pairs.size());
  if (!band)
    return out;
  const double base = median(std::vector<double>(rows.begin(), rows.begin() + h * 6 / 10));
  for (const auto& p : pairs) {
    const double in_band =
        mean_squared_difference(*p.subtitled, *p.clean, out.band_top, out.band_bottom + 1);
    if (in_band <= std::max(8.0 * base, base + 20.0))
      continue;
    ++out.band_samples;
    out.edges_subtitled += edge_density(*p.subtitled, out.band_top, out.band_bottom + 1);
    out.edges_clean += edge_density(*p.clean, out.band_top, out.band_bottom + 1);
  }
  return out;
}

namespace {

// The grid: multiples of a power-of-two step, at most `max_samples` of them.
std::vector<double> grid(double duration_s, int max_samples, double& step)
{
  std::vector<double> times;
  step = 1;
  if (!(duration_s > 0) || max_samples <= 0)
    return times;
  while (duration_s / step > max_samples)
    step *= 2;
  // Not the very end: the last frame may end before the stated duration.
  const double last = duration_s - std::min(0.5, duration_s / 4);
  for (double t = step; t <= last; t += step)
    times.push_back(t);
  if (times.empty())
    times.push_back(duration_s / 2);
  return times;
}

// Seconds to decode from the last keyframe at or before `t` (0 when the keyframes are not
// known: nothing to choose by).
double decode_span(const std::vector<double>& keyframes, double t)
{
  const auto it = std::upper_bound(keyframes.begin(), keyframes.end(), t + 1e-6);
  return it == keyframes.begin() ? (keyframes.empty() ? 0 : t) : t - *(it - 1);
}

// Long GOPs: when the planned `times` would decode more than a quarter of the video (the
// seconds from each one's keyframe, `cost`), and at least four `keyframes` past the start
// can stand in, the samples are those keyframes, spread evenly, at most `max_samples`: fewer
// and further apart than the grid, but each a single picture (a phone export with a keyframe
// every 10 s sampled every 4 s would otherwise decode nearly every picture).
template <class Cost>
std::vector<double> keyframes_if_cheaper(std::vector<double> times, double duration_s,
                                         const std::vector<double>& keyframes, int max_samples,
                                         Cost cost)
{
  double planned = 0;
  for (double t : times)
    planned += cost(t);
  if (planned <= 0.25 * duration_s)
    return times;
  const double last = duration_s - std::min(0.5, duration_s / 4);
  std::vector<double> candidates;
  for (double k : keyframes)
    if (k > 0.5 && k <= last)
      candidates.push_back(k);
  if (candidates.size() < 4)
    return times;
  const size_t n = candidates.size(), want = std::min(n, size_t(std::max(1, max_samples)));
  std::vector<double> out;
  for (size_t j = 0; j < want; ++j)
    out.push_back(
        candidates[want == 1 ? n / 2
                             : size_t(std::lround(double(j) * double(n - 1) / double(want - 1)))]);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace

std::vector<double> plan_pair_times(double duration_s, const std::vector<double>& keyframes_a,
                                    const std::vector<double>& keyframes_b, int max_samples)
{
  double step = 1;
  std::vector<double> times = grid(duration_s, max_samples, step);
  std::vector<double> candidates = keyframes_a;
  candidates.insert(candidates.end(), keyframes_b.begin(), keyframes_b.end());
  for (double& t : times) {
    double best = t;
    double cost = decode_span(keyframes_a, t) + decode_span(keyframes_b, t);
    for (double k : candidates) {
      if (std::abs(k - t) > step / 2 || k > duration_s)
        continue;
      const double c = decode_span(keyframes_a, k) + decode_span(keyframes_b, k);
      if (c < cost - 1e-9 || (std::abs(c - cost) < 1e-9 && std::abs(k - t) < std::abs(best - t))) {
        best = k;
        cost = c;
      }
    }
    t = best;
  }
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  // The keyframes that cost both versions little can stand in for the grid in both: those
  // they share, and a keyframe of one that lies at most a second after one of the other (two
  // exports of one project whose encoders cut scenes a picture or two apart).
  const auto cost = [&](double t) {
    return (decode_span(keyframes_a, t) + decode_span(keyframes_b, t)) / 2; // per version
  };
  std::vector<double> cheap;
  for (const auto* keys : {&keyframes_a, &keyframes_b})
    for (double k : *keys)
      if (cost(k) <= 0.5)
        cheap.push_back(k);
  std::sort(cheap.begin(), cheap.end());
  cheap.erase(std::unique(cheap.begin(), cheap.end(),
                          [](double x, double y) { return std::abs(x - y) < 1e-3; }),
              cheap.end());
  return keyframes_if_cheaper(std::move(times), duration_s, cheap, max_samples, cost);
}

std::vector<double> plan_sample_times(double duration_s, const std::vector<double>& keyframes,
                                      int max_samples)
{
  double step = 1;
  std::vector<double> times = grid(duration_s, max_samples, step);
  if (times.empty())
    return times;
  if (!keyframes.empty()) {
    for (double& t : times) {
      const auto it = std::lower_bound(keyframes.begin(), keyframes.end(), t);
      double best = t, gap = step / 2;
      if (it != keyframes.end() && *it - t <= gap) {
        best = *it;
        gap = *it - t;
      }
      if (it != keyframes.begin() && t - *(it - 1) < gap)
        best = *(it - 1);
      t = best;
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
  }
  return keyframes_if_cheaper(std::move(times), duration_s, keyframes, max_samples,
                              [&](double t) { return decode_span(keyframes, t); });
}

std::string scan_from_idet(int tff, int bff, int progressive)
{
  const int combing = tff + bff;
  const int decided = combing + progressive;
  if (decided < 8)
    return "unknown";
  if (combing * 2 <= decided)
    return "progressive";
  const int dominant = std::max(tff, bff);
  return double(dominant) >= dominant_field_order_share * combing ? "interlaced" : "progressive";
}

bool scan_settled(int tff, int bff, int progressive, int more)
{
  const std::string now = scan_from_idet(tff, bff, progressive);
  for (int t = 0; t <= more; ++t)
    for (int b = 0; t + b <= more; ++b)
      for (int p = 0; t + b + p <= more; ++p)
        if (scan_from_idet(tff + t, bff + b, progressive + p) != now)
          return false;
  return true;
}

} // namespace mpcheck::media
