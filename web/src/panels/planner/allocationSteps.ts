/**
 * The allocation's steps, grouped for reading: consecutive steps that give a group to the same
 * commune with the same gain form one run ("steps 1–12: Chấn Hưng, +20 households each"), so a
 * plan of hundreds of groups reads in a few lines while every step's marginal gain stays visible.
 */
import type { AllocationStepRow } from '#contract/api';

export interface StepRun {
  firstStep: number;
  lastStep: number;
  code: string;
  name: string;
  district_name: string | null;
  /** Households each step of the run brings into a group (the marginal gain). */
  newlyCoveredHouseholds: number;
  needMultiplier: number;
  weightedGain: number;
  /** Households newly covered after the run's last step. */
  cumulativeNewlyCovered: number;
}

export function stepRuns(steps: readonly AllocationStepRow[]): StepRun[] {
  const runs: StepRun[] = [];
  for (const step of steps) {
    const last = runs.at(-1);
    if (last && last.code === step.code && last.newlyCoveredHouseholds === step.newlyCoveredHouseholds && last.lastStep === step.step - 1) {
      last.lastStep = step.step;
      last.cumulativeNewlyCovered = step.cumulativeNewlyCovered;
      continue;
    }
    runs.push({
      firstStep: step.step,
      lastStep: step.step,
      code: step.code,
      name: step.name,
      district_name: step.district_name,
      newlyCoveredHouseholds: step.newlyCoveredHouseholds,
      needMultiplier: step.needMultiplier,
      weightedGain: step.weightedGain,
      cumulativeNewlyCovered: step.cumulativeNewlyCovered,
    });
  }
  return runs;
}
