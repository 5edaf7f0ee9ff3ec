/**
 * The V8 flags the API process runs with; `npm run start:api`, `scripts/start.sh`, the Dockerfile and the
 * benchmark all start it with exactly these (node-flags.spec.ts keeps them in step).
 *
 * `--max-semi-space-size=64`: a callback allocates about 55 KB, so at 1,000 callbacks/s the default 16 MiB
 * semi-space filled every ~0.3 s. Each scavenge promoted the requests then in flight to the old generation,
 * which then needed a mark-compact every few seconds: a 10–15 ms pause, with V8's helper threads taking the
 * second core from PostgreSQL meanwhile, and 40–75 ms of queueing behind it at that rate. With 64 MiB,
 * scavenges come every ~1.3 s and no mark-compact ran in a 10 s window at 1,000/s (npm run bench:wallet).
 * The young generation may then hold up to 3 × 64 MiB more than by default.
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
