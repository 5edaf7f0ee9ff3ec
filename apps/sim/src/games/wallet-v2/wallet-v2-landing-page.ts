export interface LandingPageInput {
  mode: 'real_play' | 'demo';
  gameId: string;
  lang: string;
  /** Only for real play: the round buttons call the aggregator through the game server. */
  token: string | null;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The game page a wallet-v2 launch URL opens: shows the game and, in real play, plays scripted rounds. */
export function walletV2LandingPage(input: LandingPageInput): string {
  const title = `wallet-v2 game ${escapeHtml(input.gameId)}`;
  const controls =
    input.token === null
      ? '<p>Demo mode: no wallet, no money moves.</p>'
      : `<p>
  <button data-bet="100" data-win="250">Bet 1.00, win 2.50</button>
  <button data-bet="100" data-win="0">Bet 1.00, lose</button>
  <button data-bet="100" data-cancel="1">Bet 1.00, cancel</button>
  <button data-balance="1">Balance</button>
</p>
<pre id="out"></pre>
<script>
  const token = ${JSON.stringify(input.token).replace(/</g, '\\u003c')};
  const gameID = ${JSON.stringify(input.gameId).replace(/</g, '\\u003c')};
  for (const b of document.querySelectorAll('button')) {
    b.addEventListener('click', async () => {
      const res = await fetch('play', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, gameID, ...b.dataset }),
      });
      document.getElementById('out').textContent = JSON.stringify(await res.json(), null, 2);
    });
  }
</script>`;
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
<h1>${title}</h1>
<p>Mode: ${input.mode === 'demo' ? 'demo' : 'real play'} · language: ${escapeHtml(input.lang)}</p>
${controls}
</body>
</html>
`;
}
