// Shared by the bar-chart reference pages: fetches the same dataset file as the app's area page and
// builds the same first chart (indicators with targets grouped by unit, plan order, zh names, the
// 2017 and 2020 targets), as gd_plus::chart::target_bars::charts_for does.
window.AREA = new URLSearchParams(location.search).get('area') || 'manufacturing';
window.COLORS = ['#0b5cad', '#c0560c']; // the app's light-theme 2017 / 2020 colours
window.loadBars = async function () {
  const r = await fetch(`data/areas/${window.AREA}.json`);
  if (!r.ok) throw new Error(`data/areas/${window.AREA}.json: HTTP ${r.status}`);
  const area = await r.json();
  const withTargets = area.indicators.filter((i) => i.targets.length);
  if (!withTargets.length) throw new Error(`${window.AREA}: no targets`);
  const unit = withTargets[0].unit;
  const rows = withTargets.filter((i) => i.unit.zh === unit.zh && i.unit.base === unit.base);
  const years = [2017, 2020];
  const cmp = { at_least: '≥ ', at_most: '≤ ', as_stated: '' };
  return {
    unit: unit.zh,
    names: rows.map((i) => i.name.zh),
    years,
    values: years.map((y) => rows.map((i) => i.targets.find((t) => t.year === y)?.value ?? null)),
    labels: years.map((y) =>
      rows.map((i) => {
        const t = i.targets.find((t) => t.year === y);
        return t ? `${cmp[t.comparator] ?? ''}${t.value}${unit.zh}` : '—';
      }),
    ),
  };
};
