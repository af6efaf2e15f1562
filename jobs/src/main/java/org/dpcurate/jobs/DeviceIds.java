package org.dpcurate.jobs;

import java.util.Iterator;
import java.util.function.LongFunction;

/** Simulation partitions: a partition's device ids ({@code spark.range}) mapped lazily, one output per device. */
final class DeviceIds {
  private DeviceIds() {}

  static <T> Iterator<T> map(Iterator<Long> ids, LongFunction<T> perDevice) {
    return new Iterator<T>() {
      @Override
      public boolean hasNext() {
        return ids.hasNext();
      }

      @Override
      public T next() {
        return perDevice.apply(ids.next());
      }
    };
  }
}
