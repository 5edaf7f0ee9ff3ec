import { randomUUID } from 'node:crypto';
import { type CreatedOperator, newOperator } from './support/operator-builders';
import { operatorHeaders, signedPost } from './support/operator-sign';
import { createTestApp, type TestApp } from './support/test-app';

describe('operator API: internal wallet (signed HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let op: CreatedOperator;

  const userId = () => `u-${randomUUID().slice(0, 8)}`;

  /** A signed POST whose body is sent exactly as signed. */
  const post = (operator: CreatedOperator, path: string, body: unknown) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return signedPost(t, operator, path, raw);
  };
  const getBalance = (operator: CreatedOperator, user: string, currency = 'EUR') => {
    const path = `/api/v1/players/${user}/balance?currency=${currency}`;
    return t
      .http()
      .get(path)
      .set(operatorHeaders(operator, 'GET', path));
  };
  const deposit = (user: string, amount: unknown, transactionId: string = randomUUID(), currency = 'EUR') =>
    post(op, `/api/v1/players/${user}/deposit`, { amount, currency, transactionId });
  const withdraw = (user: string, amount: unknown, transactionId: string = randomUUID(), currency = 'EUR') =>
    post(op, `/api/v1/players/${user}/withdraw`, { amount, currency, transactionId });
  const balanceOf = async (user: string) => {
    const res = await getBalance(op, user);
    expect(res.status).toBe(200);
    return (res.body as { balance: string }).balance;
  };

  beforeAll(async () => {
    t = await createTestApp();
    op = await newOperator(t, { walletMode: 'internal', currencies: ['EUR', 'USD'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a new player has balance 0; a deposit raises it', async () => {
    const u = userId();
    const empty = await getBalance(op, u);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ userId: u, currency: 'EUR', balance: '0' });

    const txId = `dep-${randomUUID()}`;
    const res = await deposit(u, '25.50', txId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: u,
      currency: 'EUR',
      balance: '25.5',
      transactionId: txId,
      repeated: false,
    });
    expect(await balanceOf(u)).toBe('25.5');
    // Another currency of the same player is a separate balance.
    expect((await getBalance(op, u, 'USD')).body).toMatchObject({ balance: '0' });
  });

  it('a repeated deposit is answered, not applied again; the same id with another amount is a conflict', async () => {
    const u = userId();
    const txId = `dep-${randomUUID()}`;
    expect((await deposit(u, '10', txId)).body).toMatchObject({ repeated: false, balance: '10' });

    const again = await deposit(u, '10', txId);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ repeated: true, balance: '10', transactionId: txId });
    expect(await balanceOf(u)).toBe('10');

    const conflict = await deposit(u, '11', txId);
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ statusCode: 409, error: 'IDEMPOTENCY_CONFLICT' });
    // The same id used for a withdraw is another request too.
    expect((await withdraw(u, '10', txId)).status).toBe(409);
    expect(await balanceOf(u)).toBe('10');
  });

  it('a withdraw takes money back and never overdraws', async () => {
    const u = userId();
    await deposit(u, '30');
    const ok = await withdraw(u, '12.25');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ balance: '17.75', repeated: false });

    const tooMuch = await withdraw(u, '17.76');
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ statusCode: 409, error: 'INSUFFICIENT_FUNDS' });
    expect(await balanceOf(u)).toBe('17.75');
  });

  it('20 parallel withdraws of 1 on a balance of 7: exactly 7 succeed, balance 0', async () => {
    const u = userId();
    await deposit(u, '7');
    const results = await Promise.all(Array.from({ length: 20 }, () => withdraw(u, '1')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect(statuses.filter((s) => s === 409)).toHaveLength(13);
    expect(
      results
        .filter((r) => r.status === 409)
        .every((r) => (r.body as { error: string }).error === 'INSUFFICIENT_FUNDS'),
    ).toBe(true);
    expect(await balanceOf(u)).toBe('0');
  });

  it('a currency the operator does not use is a 400', async () => {
    const u = userId();
    const res = await deposit(u, '5', randomUUID(), 'GBP');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'CURRENCY_NOT_SUPPORTED' });
    expect((await getBalance(op, u, 'GBP')).status).toBe(400);
  });

  it('a seamless operator is told its balances live in its own wallet (409 NOT_INTERNAL_WALLET)', async () => {
    const seamless = await newOperator(t, {
      walletMode: 'seamless',
      walletUrl: 'http://127.0.0.1:1/wallet',
      currencies: ['EUR'],
    });
    const u = userId();
    const bal = await getBalance(seamless, u);
    expect(bal.status).toBe(409);
    expect(bal.body).toMatchObject({ error: 'NOT_INTERNAL_WALLET' });
    const dep = await post(seamless, `/api/v1/players/${u}/deposit`, {
      amount: '1',
      currency: 'EUR',
      transactionId: randomUUID(),
    });
    expect(dep.status).toBe(409);
    expect(dep.body).toMatchObject({ error: 'NOT_INTERNAL_WALLET' });
  });

  it.each([
    ['negative', '-1'],
    ['exponent notation', '1e3'],
    ['zero', '0'],
    ['more than 8 decimals', '1.123456789'],
    ['a JSON number', 12],
    ['empty', ''],
  ])('a bad amount (%s) is a 400 with a readable message, and nothing moves', async (_name, amount) => {
    const u = userId();
    await deposit(u, '5');
    for (const res of [await deposit(u, amount), await withdraw(u, amount)]) {
      expect(res.status).toBe(400);
      const message = JSON.stringify((res.body as { message: unknown }).message);
      expect(message).toMatch(/amount/);
    }
    expect(await balanceOf(u)).toBe('5');
  });

  it('an unknown field is a 400', async () => {
    const u = userId();
    const res = await post(op, `/api/v1/players/${u}/deposit`, {
      amount: '1',
      currency: 'EUR',
      transactionId: randomUUID(),
      bonus: true,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/bonus/);
    expect(await balanceOf(u)).toBe('0');
  });

  it('unsigned or wrongly signed calls are a 401', async () => {
    const u = userId();
    const path = `/api/v1/players/${u}/deposit`;
    const raw = JSON.stringify({ amount: '1', currency: 'EUR', transactionId: randomUUID() });
    const unsigned = await t.http().post(path).set('content-type', 'application/json').send(raw);
    expect(unsigned.status).toBe(401);
    const otherBody = await t
      .http()
      .post(path)
      .set(operatorHeaders(op, 'POST', path, raw))
      .set('content-type', 'application/json')
      .send(raw.replace('"1"', '"1000"'));
    expect(otherBody.status).toBe(401);
    expect((await t.http().get(`/api/v1/players/${u}/balance?currency=EUR`)).status).toBe(401);
    expect(await balanceOf(u)).toBe('0');
  });
});
