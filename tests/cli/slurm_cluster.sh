# A private single-node Slurm cluster on the loopback address, for the
# Slurm test and benchmark: sourced, never run. Needs root (slurmd starts
# jobs as their user), slurm-wlm and munge (Debian packages); no systemd.
#
#   cluster_start DIR   munged, slurmctld and slurmd with every file under
#                       DIR; exports SLURM_CONF; returns 1 with a reason on
#                       stderr when the cluster cannot start
#   cluster_stop        stop the daemons started, by their PID
#
# A "can not load PMIx library" line in the daemons' logs is harmless.

CLUSTER_PIDS=()

# cluster_missing: why a cluster cannot start here (empty when it can).
cluster_missing() {
	local b
	[ "$(id -u)" -eq 0 ] || {
		echo "not root (slurmd runs jobs as root here)"
		return
	}
	for b in munged slurmctld slurmd sbatch squeue sinfo; do
		command -v "$b" >/dev/null ||
			PATH=$PATH:/usr/sbin command -v "$b" >/dev/null || {
			echo "$b not installed (Debian packages slurm-wlm, munge)"
			return
		}
	done
}

# The PID in file $1, once the daemon has written it (up to 10 s).
cluster_pid() {
	local i
	for ((i = 0; i < 100; i++)); do
		[ -s "$1" ] && { cat "$1"; return 0; }
		sleep 0.1
	done
	return 1
}

cluster_conf() {
	local dir=$1 host=$2 port=$3
	cat <<EOF
ClusterName=relire
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
MinJobAge=300
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=relire Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

cluster_start() {
	local dir=$1 host port pid i
	host=$(hostname -s)
	port=$((20000 + RANDOM % 20000))
	mkdir -p "$dir/state" "$dir/spool"
	head -c 1024 /dev/urandom >"$dir/munge.key"
	chmod 400 "$dir/munge.key"
	PATH=$PATH:/usr/sbin munged --force --key-file="$dir/munge.key" \
		--socket="$dir/munge.socket" --pid-file="$dir/munged.pid" \
		--log-file="$dir/munged.log" --seed-file="$dir/munged.seed" ||
		{ echo "munged did not start ($dir/munged.log)" >&2; return 1; }
	pid=$(cluster_pid "$dir/munged.pid") || return 1
	CLUSTER_PIDS+=("$pid")
	cluster_conf "$dir" "$host" "$port" >"$dir/slurm.conf"
	export SLURM_CONF=$dir/slurm.conf
	PATH=$PATH:/usr/sbin slurmctld -i ||
		{ echo "slurmctld did not start ($dir/slurmctld.log)" >&2; return 1; }
	pid=$(cluster_pid "$dir/slurmctld.pid") || return 1
	CLUSTER_PIDS+=("$pid")
	PATH=$PATH:/usr/sbin slurmd ||
		{ echo "slurmd did not start ($dir/slurmd.log)" >&2; return 1; }
	pid=$(cluster_pid "$dir/slurmd.pid") || return 1
	CLUSTER_PIDS+=("$pid")
	for ((i = 0; i < 200; i++)); do
		sinfo -h -o %t 2>/dev/null | grep -qx 'idle' && return 0
		sleep 0.1
	done
	echo "the node did not come up ($dir/slurmctld.log, $dir/slurmd.log)" >&2
	return 1
}

cluster_stop() {
	local pid i
	for pid in "${CLUSTER_PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${CLUSTER_PIDS[@]}"; do
		for ((i = 0; i < 50; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$pid" 2>/dev/null || true
	done
	CLUSTER_PIDS=()
}
