/** The HTML report's stylesheet, inlined so the page needs nothing but itself. */
export const STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa;
  --holds: #1a7f37; --holds-bg: #dafbe1; --violated: #cf222e; --violated-bg: #ffebe9;
  --vacuous: #9a6700; --vacuous-bg: #fff8c5; --none-bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 1400px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 22px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 18px; margin: 28px 0 8px; }
h4 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 8px 0; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: 1px 4px; border-radius: 4px; }
a { color: #0969da; text-decoration: none; }
a:hover { text-decoration: underline; }
.meta { color: var(--muted); margin-bottom: 16px; }
.summary { background: var(--soft); border: 1px solid var(--line); border-left: 6px solid #0969da; border-radius: 6px; padding: 12px 20px; margin: 16px 0 8px; }
.summary h2 { margin-top: 8px; border: none; font-size: 18px; }
.summary ul { margin: 6px 0; padding-left: 22px; }
.summary li { margin: 6px 0; }
.warning { color: var(--violated); font-weight: 600; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 10px 0 16px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; vertical-align: top; text-align: left; }
th { background: var(--soft); font-weight: 600; }
table.assumptions { width: 100%; table-layout: fixed; }
table.assumptions th:nth-child(1) { width: 13%; } table.assumptions th:nth-child(2) { width: 27%; }
table.assumptions th:nth-child(3) { width: 17%; } table.assumptions th:nth-child(4) { width: 15%; }
table.assumptions th:nth-child(5) { width: 11%; } table.assumptions th:nth-child(6) { width: 17%; }
table.matrix { width: 100%; font-size: 12px; }
table.matrix td, table.matrix th { padding: 4px 6px; }
table.matrix td:first-child { white-space: nowrap; }
td.holds { background: var(--holds-bg); }
td.holds strong:first-child { color: var(--holds); }
td.holds.weak { background: repeating-linear-gradient(135deg, var(--holds-bg) 0 6px, var(--bg) 6px 12px); }
td.violated { background: var(--violated-bg); }
td.violated strong:first-child { color: var(--violated); }
td.vacuous, td.bound { background: var(--vacuous-bg); }
td.none { background: var(--none-bg); color: var(--muted); text-align: center; }
td.mismatch { outline: 3px solid var(--vacuous); outline-offset: -3px; }
td .detail, td small { color: var(--muted); }
.legend { color: var(--muted); font-size: 13px; }
.counterexample { border-top: 1px solid var(--line); margin-top: 28px; }
details { margin: 6px 0; }
summary { cursor: pointer; color: var(--muted); }
ol.narrative { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding-left: 36px; }
pre.mermaid { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; margin: 8px 0; overflow-x: auto; text-align: center; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; margin: 8px 0; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fff; max-width: 100%; overflow-x: auto; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; max-width: 640px; }
`;
