from xingtu_sim.cli import main

main(prog_name="xingtu-sim")
