<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BusStats</name>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="60"/>
        <source>frames/s</source>
        <translation>帧/秒</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="61"/>
        <source>bus load</source>
        <translation>总线负载</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="62"/>
        <source>frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="63"/>
        <source>error frames</source>
        <translation>错误帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="64"/>
        <source>unknown IDs</source>
        <translation>未知 ID</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="65"/>
        <source>IDs seen</source>
        <translation>已见 ID</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="127"/>
        <source>● Recording {name} · {frames} frames</source>
        <translation>● 正在录制 {name} · {frames} 帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="135"/>
        <source>Saved {name} · {frames} frames</source>
        <translation>已保存 {name} · {frames} 帧</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="164"/>
        <source>■  Stop</source>
        <translation>■  停止</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/bus_stats.py" line="164"/>
        <source>●  Record</source>
        <translation>●  录制</translation>
    </message>
</context>
<context>
    <name>CanMonitorPanel</name>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="188"/>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="188"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="188"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="213"/>
        <source>CAN monitor</source>
        <translation>CAN 监视器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="361"/>
        <source>{signal} · last 60 s</source>
        <translation>{signal} · 最近 60 秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="364"/>
        <source>Tap a signal to plot it (last 60 s)</source>
        <translation>点击信号查看曲线（最近 60 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="367"/>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="370"/>
        <source>Tap an ID to see its signals</source>
        <translation>点击 ID 查看信号</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="393"/>
        <source>No DBC message for this ID</source>
        <translation>DBC 中没有此 ID 的报文</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="395"/>
        <source>This frame does not fit its DBC message</source>
        <translation>此帧与 DBC 报文定义不符</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="483"/>
        <source>Cannot record: {line}</source>
        <translation>无法录制：{line}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/can_monitor.py" line="501"/>
        <source>Recording failed: {line}</source>
        <translation>录制失败：{line}</translation>
    </message>
</context>
<context>
    <name>EnergyPanel</name>
    <message>
        <location filename="../../ui/panels/energy.py" line="60"/>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="88"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="94"/>
        <source>Power flow</source>
        <translation>能量流</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="100"/>
        <source>Power and speed, last 5 minutes</source>
        <translation>功率与车速（最近 5 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="119"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="129"/>
        <source>Consumption per km</source>
        <translation>每公里能耗</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="164"/>
        <source>Distance</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="165"/>
        <source>Energy used</source>
        <translation>耗电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="166"/>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="167"/>
        <source>Regenerated</source>
        <translation>能量回收</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="169"/>
        <source>Trip computer</source>
        <translation>行车电脑</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="173"/>
        <source>Since start</source>
        <translation>本次行程</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="177"/>
        <source>Trip ⟲</source>
        <translation>小计 ⟲</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="178"/>
        <source>Reset trip</source>
        <translation>小计里程清零</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="197"/>
        <source>Battery pack</source>
        <translation>电池包</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="199"/>
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="200"/>
        <source>Current</source>
        <translation>电流</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="201"/>
        <source>Temperature min / avg / max</source>
        <translation>温度 最低 / 平均 / 最高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="202"/>
        <source>Cells min / max</source>
        <translation>单体最低 / 最高</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="203"/>
        <source>Cell delta</source>
        <translation>单体压差</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="209"/>
        <location filename="../../ui/panels/energy.py" line="325"/>
        <source>Charging</source>
        <translation>充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="211"/>
        <location filename="../../ui/panels/energy.py" line="319"/>
        <source>Not charging</source>
        <translation>未在充电</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="232"/>
        <source>Range extender</source>
        <translation>增程器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="234"/>
        <source>Fuel</source>
        <translation>油量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="235"/>
        <source>Generator</source>
        <translation>增程器</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="236"/>
        <source>Electric range</source>
        <translation>纯电续航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="237"/>
        <source>Total range</source>
        <translation>综合续航</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="320"/>
        <source>Plug in to see the power curve.</source>
        <translation>插枪后显示充电功率曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="325"/>
        <source>Charging finished</source>
        <translation>充电完成</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="327"/>
        <source>target {0:.0f} %</source>
        <translation>目标 {0:.0f} %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="330"/>
        <source>{0} h {1:02d} min to target</source>
        <translation>距目标 {0} 小时 {1:02d} 分</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="331"/>
        <source>{0:.1f} kWh added</source>
        <translation>已充 {0:.1f} kWh</translation>
    </message>
    <message>
        <location filename="../../ui/panels/energy.py" line="373"/>
        <source>Trip average {0:.0f} {1}</source>
        <translation>小计平均 {0:.0f} {1}</translation>
    </message>
</context>
<context>
    <name>PowerFlowView</name>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="49"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="50"/>
        <source>Motor</source>
        <translation>电机</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="51"/>
        <source>Climate</source>
        <translation>空调</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="52"/>
        <source>Auxiliaries</source>
        <translation>辅助用电</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="53"/>
        <source>Charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/power_flow.py" line="54"/>
        <source>Generator</source>
        <translation>增程器</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <location filename="../../ui/widgets/replay_bar.py" line="44"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="37"/>
        <source>voice: off</source>
        <translation>语音：关</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="69"/>
        <source>Outside {0:.0f} {1}</source>
        <translation>车外 {0:.0f} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status_bar.py" line="85"/>
        <source>{0} · {1:.0f} frames/s</source>
        <translation>{0} · {1:.0f} 帧/秒</translation>
    </message>
</context>
</TS>
