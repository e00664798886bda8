// How old each list of a bundle is (its info's sources), for the page and the widget; `old` past maxAgeDays. A month-only date counts from the month's first day.
export function listAges(info, maxAgeDays, now = Date.now()) {
  const sources = (info.sources ?? []).map((source) => {
    const date = /^\d{4}-\d{2}$/.test(source.date ?? '') ? `${source.date}-01` : source.date;
    const time = Date.parse(`${date}T00:00:00Z`);
    const days = Number.isNaN(time) ? NaN : Math.floor((now - time) / 86_400_000);
    return { ...source, days, old: Number.isNaN(days) || days > maxAgeDays };
  });
  const dated = sources.filter((s) => !Number.isNaN(s.days));
  const oldest = dated.reduce((a, s) => (!a || s.days > a.days ? s : a), undefined);
  const newest = dated.reduce((a, s) => (!a || s.days < a.days ? s : a), undefined);
  return { sources, oldest, newest, anyOld: sources.some((s) => s.old) };
}
