package org.dpcurate.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.SimulationSettings;
import org.dpcurate.jobs.evaluation.PrivateMessages;
import org.dpcurate.jobs.simulation.CurationDevices;
import org.dpcurate.jobs.simulation.PrivateData;
import org.dpcurate.simulation.PrivatePopulation;

/** Publishes each date's oracle config and simulates its devices' reports (plus the separate truth table). */
@SimulationJob
public final class SimulateJob extends DatedJob {
  public static void main(String[] args) {
    JobRunner.main(new SimulateJob(), args);
  }

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public String summary() {
    return "simulate devices voting on a date's candidates: reports (and truth) in Parquet";
  }

  @Override
  List<Option<?>> stepOptions() {
    List<Option<?>> options = new ArrayList<>(List.of(CommonOptions.SEED, CommonOptions.EMBEDDER,
        CurationOptions.SIMULATED_POPULATION, CommonOptions.POLICY));
    options.addAll(CurationOptions.SIMULATION);
    options.addAll(List.of(CurationOptions.PRIVATE_MESSAGES, CurationOptions.HELD_OUT_SHARE));
    return options;
  }

  @Override
  Steps plan(Cli cli) {
    SimulationSettings settings = CurationOptions.simulation(cli, CurationOptions.simulatedPopulation(cli));
    PrivacyPolicy policy = CommonOptions.policy(cli);
    String privateMessages = cli.get(CurationOptions.PRIVATE_MESSAGES);
    double heldOutShare = cli.get(CurationOptions.HELD_OUT_SHARE);
    return (run, dates) -> {
      // The devices hold the generated population's messages, or the device split of real private text.
      PrivateMessages.Split split = privateMessages == null ? null : PrivateMessages.read(run.warehouse(),
          privateMessages, heldOutShare, run.random("held-out", 0).nextLong());
      PrivatePopulation population = split == null ? CurationDevices.population(run, settings)
          : PrivateData.population(split.devices(), split.labelled(), run.embedder());
      CurationDevices devices = new CurationDevices(run, settings, population,
          policy.samplingRateOf(run.campaign()));
      return ds -> "ok: " + Arrays.stream(devices.simulate(ds)).sum() + " devices reported";
    };
  }
}
