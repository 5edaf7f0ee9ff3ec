import type { B2bExchange, B2bGameSession } from './b2b-sim.types';

const esc = (s: unknown): string => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The game page a launch lands on: who plays, the balance, the last round, a button to play one more. */
export function b2bGamePage(opts: {
  gameName: string;
  handle: string | null;
  session: B2bGameSession | null;
  auth: B2bExchange;
  rounds: B2bExchange[][];
}): string {
  const a = opts.auth.answer.answer;
  const status =
    opts.session === null
      ? `<p class="err">Auth refused: code ${esc(a.error_code)} (${esc(a.error_description)})</p>`
      : `<p>Player <b>${esc(opts.session.nickname)}</b> (${esc(opts.session.userId)}), balance
         <b id="balance">${esc(opts.session.balance)}</b> ${esc(opts.session.currency)}</p>`;
  const rounds = opts.rounds
    .map(
      (round) =>
        `<li>${round
          .map(
            (x) =>
              `${esc(x.request.api)} ${esc(x.answer.answer.error_code)} → ${esc(x.answer.answer.balance ?? '')}`,
          )
          .join('; ')}</li>`,
    )
    .join('');
  const play =
    opts.handle === null
      ? ''
      : `<form method="post" action="/b2b/play/${esc(opts.handle)}/round">
           bet <input name="bet" value="1.00"> win <input name="win" value="0.50">
           <button type="submit">Play a round</button></form>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(opts.gameName)} (b2b simulator)</title>
<style>body{font-family:sans-serif;margin:2em}.err{color:#b00}</style></head><body>
<h1>${esc(opts.gameName)}</h1>${status}${play}<ol>${rounds}</ol></body></html>`;
}
