#!/usr/bin/python3
"""The hold model in Debian's python3-simpy (SimPy 2.3): N processes, each holding for an
exponential time (mean 60 s) and then again, until EVENTS holds have ended. Prints the number of
events and the seconds the simulation took (start-up excluded), for bench/Hold.bench.cpp."""
import random
import sys
import time

from SimPy.Simulation import Process, activate, hold, initialize, simulate, stopSimulation

n, events = int(sys.argv[1]), int(sys.argv[2])
count = 0


class Holder(Process):
    def run(self, rng):
        global count
        while True:
            yield hold, self, rng.expovariate(1 / 60.0)
            count += 1
            if count >= events:
                stopSimulation()


rng = random.Random(1)
initialize()
for _ in range(n):
    h = Holder()
    activate(h, h.run(rng))
start = time.perf_counter()
simulate(until=1e18)
print(count, time.perf_counter() - start)
