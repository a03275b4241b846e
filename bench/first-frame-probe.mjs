/**
 * Preloaded by bench/call.mjs (`node --import`): at the first write to the
 * terminal, records the time since the process started and the CPU it has
 * used, into the file named by IVR_FIRST_FRAME_FILE. Only for measuring.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.IVR_FIRST_FRAME_FILE;
const write = process.stdout.write.bind(process.stdout);
let seen = false;
process.stdout.write = (chunk, ...rest) => {
  if (!seen && file !== undefined) {
    seen = true;
    const cpu = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ wallMs: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000 }));
  }
  return write(chunk, ...rest);
};
