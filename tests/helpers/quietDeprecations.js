'use strict';
/**
 * Jest's globalSetup. restify reads process.binding('http_parser'), and Node prints DEP0111 for
 * it once in every process that loads the server: about fifty identical lines per run that hid
 * real warnings. `npm start` passes --disable-warning=DEP0111; here the same flag goes to jest's
 * workers and to the child processes tests start (through NODE_OPTIONS), and this process (which
 * runs the tests itself with --runInBand or a single file) drops exactly that warning. Every other
 * warning still shows.
 */
const FLAG = '--disable-warning=DEP0111';

module.exports = async () => {
  const options = process.env.NODE_OPTIONS ?? '';
  if (!options.split(/\s+/).includes(FLAG)) process.env.NODE_OPTIONS = `${options} ${FLAG}`.trim();
  const emitWarning = process.emitWarning;
  process.emitWarning = function quietDep0111(warning, typeOrOptions, code, ...rest) {
    const warningCode = typeOrOptions && typeof typeOrOptions === 'object' ? typeOrOptions.code : code;
    if (warningCode === 'DEP0111') return;
    return emitWarning.call(process, warning, typeOrOptions, code, ...rest);
  };
};
