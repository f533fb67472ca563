# System-wide .bashrc file for interactive bash(1) shells (installed copy).
PS1='\u@\h:\w\$ '
