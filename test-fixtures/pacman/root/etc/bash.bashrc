# bash.bashrc as installed
