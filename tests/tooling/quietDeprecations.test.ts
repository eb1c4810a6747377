import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('the test run', () => {
  it("passes --disable-warning=DEP0111 to the processes tests start, which still print every other warning", async () => {
    expect(process.env.NODE_OPTIONS ?? '').toContain('--disable-warning=DEP0111');
    // Node 22+ no longer has the http_parser binding (it throws); the warning still comes first.
    const script = "try { process.binding('http_parser'); } catch {} process.emitWarning('still shown', 'DeprecationWarning', 'DEP0999');";
    const { stderr } = await run(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' } });
    expect(stderr).not.toContain('DEP0111');
    expect(stderr).toContain('[DEP0999] DeprecationWarning: still shown');
  });
});
