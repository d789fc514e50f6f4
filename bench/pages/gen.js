// The series every line-chart page draws: a deterministic random walk with rare spikes
// (xorshift32, so every page and every run draws exactly the same numbers). Sets
// window.__benchData (Float64Array) from ?n= before any chart code runs.
(function () {
  const n = Math.max(2, Number(new URLSearchParams(location.search).get('n')) || 10000);
  const data = new Float64Array(n);
  let s = 2463534242, y = 0;
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    const r = (s % 10000) / 10000 - 0.5;
    y += r;
    data[i] = s % 997 === 0 ? y + 50 * r : y;
  }
  window.__benchData = data;
})();
