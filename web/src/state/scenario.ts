/**
 * A planner scenario's result as the map draws it: a mark on each commune it changes (the groups
 * an allocation gives it, or the what-if's groups and rank change), with the words already in
 * the UI's language. No map types here: the panels make it, the map draws it.
 */
export interface ScenarioMark {
  code: string;
  /** Short text on the mark, e.g. "+12". */
  label: string;
  /** New groups: the mark's size grows with it. */
  groups: number;
}

export interface ScenarioMarks {
  /** What the marks show, for the legend. */
  title: string;
  marks: ScenarioMark[];
}
