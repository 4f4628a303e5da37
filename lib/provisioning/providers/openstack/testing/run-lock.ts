import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LOCK = path.join(tmpdir(), 'dcloud-openstack-integration.lock');

function holderAlive(): boolean {
  try {
    const pid = Number(readFileSync(LOCK, 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until no other integration run on this machine holds the OpenStack project, then holds it:
 * two runs at once would see each other's servers in the quota and one's zero quota would fail the
 * other's boots. A lock whose process is gone is taken over. Returns the release function.
 */
export async function holdOpenStackProject(timeoutMs: number): Promise<() => void> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (readFileSync(LOCK, 'utf8') === String(process.pid)) unlinkSync(LOCK);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive()) {
        unlinkSync(LOCK);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another OpenStack integration run holds ${LOCK}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
