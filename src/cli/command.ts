/** The shape every CLI command module exports as `default`. Commands only parse input and format output. */
export interface Command {
  /** Sub-command name, e.g. `info`. */
  readonly name: string;
  /** One-line summary for `dlrn --help`. */
  readonly summary: string;
  /** Full help text for `dlrn <name> --help` (documents every option). */
  readonly help: string;
  /** When true, `--help` is passed to `run` (commands with sub-commands answer it themselves). */
  readonly handlesHelp?: boolean;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** Registered commands: name → module file under src/cli/commands/ (loaded lazily, so start-up stays fast). */
export const COMMANDS: ReadonlyArray<{ name: string; summary: string }> = [
  { name: 'info', summary: 'describe an image, mask or DICOM folder (geometry, type, range, labels)' },
  { name: 'extract', summary: 'radiomics features (PyRadiomics-compatible or IBSI) for one case or a manifest' },
  { name: 'deep', summary: 'deep-learning (CNN) features of the lesion with an ONNX backbone' },
  { name: 'stats', summary: 'statistics over CSV tables: roc, logistic, lasso, screen, calibration, dca, icc' },
  { name: 'synth', summary: 'generate the synthetic two-centre head-CT hematoma cohort' },
  { name: 'study', summary: 'run a DLRN study from a config: features, selection, models, validation, report' },
  { name: 'predict', summary: 'apply a saved DLRN model bundle to one patient' },
  { name: 'demo', summary: 'generate the demo cohort and run the whole study on it' },
];
