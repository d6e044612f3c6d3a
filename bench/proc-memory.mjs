/**
 * Memory of the browser's renderer processes (the page and its workers), from /proc: private
 * bytes, which unlike the JS heap include ArrayBuffers, external strings, DOM and graphics.
 * Linux only; NaN elsewhere.
 */
import { readFileSync, readdirSync } from 'node:fs';

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

function privateBytes(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    let kb = 0;
    for (const match of text.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB/gm))
      kb += Number(match[1]);
    return kb * 1024;
  } catch {
    return 0;
  }
}

/** Private bytes of every renderer process descending from this Node process. */
export function rendererPrivateBytes() {
  let pids;
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return NaN;
  }
  const isMine = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parentOf(p), hops++) {
      if (p === process.pid) return true;
    }
    return false;
  };
  let total = 0;
  for (const pid of pids) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes('--type=renderer') && isMine(pid)) total += privateBytes(pid);
  }
  return total;
}
