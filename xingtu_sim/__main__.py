from xingtu_sim.interrupts import main

main()
