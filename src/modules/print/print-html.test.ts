import { describe, expect, it } from 'vitest';
import { dataTable, escapeHtml, html, SafeHtml, yuan } from './print-html.ts';

describe('html', () => {
  it('escapes every interpolated value, joins arrays and keeps SafeHtml as it is', () => {
    const name = `<script>alert("x")</script> & 'y'`;
    const out = html`<td title="${name}">${name}${[1, html`<br>`, null, false, undefined]}</td>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;1<br></td>',
    );
    expect(escapeHtml('a&b')).toBe('a&amp;b');
  });

  it('tables escape cells and say so when empty', () => {
    const t = dataTable([{ title: '名称', cell: (r: { n: string }) => r.n }], [{ n: '<b>' }]);
    expect(t.value).toContain('<td>&lt;b&gt;</td>');
    expect(dataTable([{ title: 'x', cell: () => '' }], [], '无记录').value).toContain('colspan="1">无记录');
  });
});

describe('yuan', () => {
  it('formats fen exactly with thousands separators', () => {
    expect(yuan(0)).toBe('¥0.00');
    expect(yuan(5)).toBe('¥0.05');
    expect(yuan(11_299)).toBe('¥112.99');
    expect(yuan(123_456_789)).toBe('¥1,234,567.89');
    expect(yuan(-150)).toBe('-¥1.50');
    expect(yuan(null)).toBe('');
  });
});
