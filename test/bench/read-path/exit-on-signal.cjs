// Preloaded into the benchmark's servers: SIGUSR2 ends the process with a normal exit, so that node --cpu-prof
// writes its profile (a process ended by SIGTERM, as the API re-raises it after closing, writes none).
process.on('SIGUSR2', () => process.exit(0));
